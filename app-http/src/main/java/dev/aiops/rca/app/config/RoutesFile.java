package dev.aiops.rca.app.config;

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
 * Reads the routes file ({@code RCA_ROUTES_FILE}, YAML or JSON): its syntax here, with Jackson, its meaning in
 * {@link RoutesReader}; every problem is reported as {@code file:line: reason}.
 */
final class RoutesFile {

  private RoutesFile() {}

  /**
   * The routes in the file.
   *
   * @throws InvalidConfigException listing every problem as {@code file:line: reason}
   */
  static Routes read(Path path, Function<String, Optional<String>> environment) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException(List.of("RCA_ROUTES_FILE " + path + " cannot be read: " + e.getMessage()));
    }
    return parse(text, path.toString(), environment);
  }

  /** The routes in {@code text}, named {@code file} in problems. */
  static Routes parse(String text, String file, Function<String, Optional<String>> environment) {
    List<String> problems = new ArrayList<>();
    Routes routes = Routes.NONE;
    try {
      Optional<Node> document = YamlTree.read(text, problems);
      routes = RoutesReader.read(document, environment, problems);
    } catch (YamlTree.Unreadable e) {
      problems.add(e.line() + ": not YAML or JSON: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems.stream().map(p -> file + ":" + p).toList());
    }
    return routes;
  }
}
