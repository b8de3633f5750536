package dev.aiops.rca.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The bill of materials lists every module the root pom builds, at the root's version, and nothing else. */
class BomTest {

  /** The tests run in {@code app-http}; the root pom and the BOM are its neighbours. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Element parent = read(ROOT.resolve("pom.xml"));
  private final Element bom = read(ROOT.resolve("rca-bom/pom.xml"));

  @Test
  void should_list_every_module_of_the_root_pom_but_itself() {
    List<String> modules = new ArrayList<>(texts(child(parent, "modules").orElseThrow(), "module"));
    modules.remove("rca-bom");

    assertThat(managedArtifacts()).as("rca-bom's dependencyManagement, against the root pom's <modules>")
        .containsExactlyInAnyOrderElementsOf(modules);
  }

  @Test
  void should_manage_only_the_projects_own_artifacts_at_the_projects_version() {
    for (Element dependency : managedDependencies()) {
      assertThat(text(dependency, "groupId")).isEqualTo("dev.aiops.rca");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      assertThat(child(dependency, "scope")).as("scope of %s", text(dependency, "artifactId")).isEmpty();
      assertThat(child(dependency, "type")).as("type of %s", text(dependency, "artifactId")).isEmpty();
    }
  }

  @Test
  void should_have_no_parent_and_the_root_poms_version_so_importing_it_pins_no_third_party_library() {
    assertThat(child(bom, "parent")).as("rca-bom's parent").isEmpty();
    assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
    assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
    assertThat(text(bom, "packaging")).isEqualTo("pom");
    assertThat(child(bom, "dependencies")).as("rca-bom's own dependencies").isEmpty();
  }

  private List<String> managedArtifacts() {
    return managedDependencies().stream().map(dependency -> text(dependency, "artifactId")).toList();
  }

  private List<Element> managedDependencies() {
    Element dependencies = child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();
    return children(dependencies, "dependency");
  }

  private static Element read(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("cannot read " + pom, e);
    }
  }

  private static List<Element> children(Element element, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        found.add(child);
      }
    }
    return found;
  }

  private static Optional<Element> child(Element element, String name) {
    return children(element, name).stream().findFirst();
  }

  private static String text(Element element, String name) {
    return child(element, name).map(found -> found.getTextContent().trim()).orElse("");
  }

  private static List<String> texts(Element element, String name) {
    return children(element, name).stream().map(found -> found.getTextContent().trim()).toList();
  }
}
