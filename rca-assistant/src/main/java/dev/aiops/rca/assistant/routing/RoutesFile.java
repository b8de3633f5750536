package dev.aiops.rca.assistant.routing;

import dev.aiops.rca.core.routing.RoutesDocument.Node;
import dev.aiops.rca.core.routing.Routes;
import dev.aiops.rca.core.routing.RoutesReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a routes file (YAML or JSON; the service's {@code RCA_ROUTES_FILE}, the starter's {@code rca.routes-file}):
 * its syntax here, with Jackson, its meaning in {@link RoutesReader}; every problem is reported as
 * {@code file:line: reason}.
 */
public final class RoutesFile {

  private RoutesFile() {}

  /**
   * The routes in the file.
   *
   * @param environment the environment a {@code ${NAME}} in the file is taken from (destinations' secrets)
   * @throws InvalidRoutesFileException listing every problem as {@code file:line: reason}
   */
  public static Routes read(Path path, Function<String, Optional<String>> environment) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRoutesFileException(List.of(path + " cannot be read: " + e.getMessage()));
    }
    return parse(text, path.toString(), environment);
  }

  /** The routes in {@code text}, named {@code file} in problems. */
  public static Routes parse(String text, String file, Function<String, Optional<String>> environment) {
    List<String> problems = new ArrayList<>();
    Routes routes = Routes.NONE;
    try {
      Optional<Node> document = YamlTree.read(text, problems);
      routes = RoutesReader.read(document, environment, problems);
    } catch (YamlTree.Unreadable e) {
      problems.add(e.line() + ": not YAML or JSON: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRoutesFileException(problems.stream().map(p -> file + ":" + p).toList());
    }
    return routes;
  }
}
