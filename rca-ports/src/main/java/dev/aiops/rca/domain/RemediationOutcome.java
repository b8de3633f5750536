package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a remediation plan.
 *
 * @param plan the plan
 * @param status how it ended
 * @param detail a line for people: the platform's answer or the reason
 * @param at when
 * @param newRun the run the platform started for it, if any
 */
public record RemediationOutcome(
    RemediationPlan plan, RemediationStatus status, String detail, Instant at, Optional<RunId> newRun) {
  public RemediationOutcome {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(newRun, "newRun");
  }
}
