package dev.aiops.rca.assistant.routing;

import java.util.List;

/** A routes file that cannot be used, with every problem found as {@code file:line: reason}. */
public final class InvalidRoutesFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidRoutesFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
