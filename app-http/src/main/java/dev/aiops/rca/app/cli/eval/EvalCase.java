package dev.aiops.rca.app.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation case file (format: eval/README.md).
 *
 * @param id the case id
 * @param source {@code databricks} or {@code adf}
 * @param input what the service would have fetched from the platform
 * @param expected the labels; absent when the file carries none
 * @param file where it was read from
 */
public record EvalCase(String id, String source, JsonNode input, Optional<Expected> expected, Path file) {

  public EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(file, "file");
  }

  /** The labelled answer of a case. */
  public record Expected(String category, String failedTask, String rootError, List<String> mustMention) {
    public Expected {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(failedTask, "failedTask");
      Objects.requireNonNull(rootError, "rootError");
      mustMention = List.copyOf(mustMention);
    }
  }
}
