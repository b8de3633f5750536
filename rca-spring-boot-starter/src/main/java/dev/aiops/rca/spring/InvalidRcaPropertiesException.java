package dev.aiops.rca.spring;

import java.util.List;

/** The {@code rca.*} properties that refuse the application's start, every one at once. */
public class InvalidRcaPropertiesException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidRcaPropertiesException(List<String> problems) {
    super("invalid rca.* properties:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
