package dev.aiops.rca.app.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads case files: a single file, or every {@code *.json} file in a folder, in name order. */
public final class CaseReader {

  private final ObjectMapper json = new ObjectMapper();

  /**
   * The cases in a file or the {@code .json} files of a folder.
   *
   * @throws IllegalArgumentException with a one-line reason when a file is missing or is not a case
   */
  public List<EvalCase> read(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        List<EvalCase> cases = new ArrayList<>();
        files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> cases.add(readFile(f)));
        return cases;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + path, e);
      }
    }
    return List.of(readFile(path));
  }

  private EvalCase readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such case file");
    }
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (IOException e) {
      // Jackson's message goes on over several lines (the source, the location); the first says what is wrong.
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
      throw new IllegalArgumentException(file + ": not a case, not JSON (" + reason + ")");
    }
    if (root == null || !root.path("input").isObject()) {
      throw new IllegalArgumentException(file + ": not a case, which needs an \"input\" object");
    }
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    String id = root.path("id").asText(name);
    String source = root.path("source").asText(root.path("input").has("pipelineRun") ? "adf" : "databricks");
    return new EvalCase(id, source, root.path("input"), expected(root.path("expected")), file);
  }

  private static Optional<EvalCase.Expected> expected(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    List<String> mentions = new ArrayList<>();
    node.path("must_mention").forEach(m -> mentions.add(m.asText()));
    return Optional.of(new EvalCase.Expected(node.path("category").asText(""), node.path("failed_task").asText(""),
        node.path("root_error").asText(""), mentions));
  }
}
