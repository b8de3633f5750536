package dev.aiops.rca.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the design card asks for, read from the sources: the bootstrap stays thin, and the use cases and the
 * web adapter are made of small classes.
 */
class ModuleSizeTest {

  /** The tests run in {@code app-http}; the other modules are its siblings. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** The product's modules: benchmarks, examples, the testkit (fakes for tests) and the BOM are not product code. */
  private static final List<String> PRODUCT = List.of("rca-ports", "rca-core", "http-support",
      "adapter-databricks", "adapter-adf", "adapter-gemini", "adapter-jira", "adapter-servicenow", "adapter-slack",
      "adapter-email", "adapter-teams", "adapter-pagerduty", "adapter-jdbc", "rca-assistant", "adapter-web", "rca-demo",
      "rca-spring-boot-starter", "app-http");
  private static final int MAX_CLASS_LINES = 300;

  @Test
  void should_keep_the_bootstrap_within_fifteen_percent_of_the_main_code() {
    Map<String, Long> lines = new TreeMap<>();
    PRODUCT.forEach(module -> lines.put(module, mainSources(module).stream().mapToLong(ModuleSizeTest::lines).sum()));
    long total = lines.values().stream().mapToLong(Long::longValue).sum();

    assertThat(lines.get("app-http") * 100.0 / total).as("app-http's share of %s main lines: %s", total, lines)
        .isLessThanOrEqualTo(15.0);
  }

  @Test
  void should_keep_every_class_of_the_use_cases_and_the_web_adapter_within_300_lines() {
    Map<Path, Long> tooLong = Stream.of("rca-core", "adapter-web")
        .flatMap(module -> mainSources(module).stream())
        .filter(file -> lines(file) > MAX_CLASS_LINES)
        .collect(Collectors.toMap(file -> ROOT.relativize(file), ModuleSizeTest::lines));

    assertThat(tooLong).as("main classes over %s lines", MAX_CLASS_LINES).isEmpty();
  }

  private static List<Path> mainSources(String module) {
    Path main = ROOT.resolve(module).resolve("src/main/java");
    assertThat(main).as("sources of %s", module).isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
