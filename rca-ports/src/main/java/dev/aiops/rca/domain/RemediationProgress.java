package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * Where the run started by an executed remediation stands, as the platform reports it.
 *
 * @param phase still going, or how it ended
 * @param detail a line for people: the platform's state and message
 */
public record RemediationProgress(Phase phase, String detail) {

  /** Still going, or how it ended. */
  public enum Phase {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public RemediationProgress {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(detail, "detail");
  }

  public static RemediationProgress running(String detail) {
    return new RemediationProgress(Phase.RUNNING, detail);
  }

  public static RemediationProgress succeeded(String detail) {
    return new RemediationProgress(Phase.SUCCEEDED, detail);
  }

  public static RemediationProgress failed(String detail) {
    return new RemediationProgress(Phase.FAILED, detail);
  }

  public boolean finished() {
    return phase != Phase.RUNNING;
  }
}
