package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The state a platform reports for a run, a task or an activity.
 *
 * @param outcome how it ended, mapped by the adapter from the platform's own states
 * @param lifeCycleState Databricks life-cycle state ({@code TERMINATED}, {@code INTERNAL_ERROR}); empty for ADF
 * @param resultState the platform's own word for the outcome, for people ({@code FAILED}, {@code UPSTREAM_FAILED};
 *     ADF {@code Failed})
 * @param message the platform's state message; may be empty
 * @param termination the coded reason, when the platform gives one
 * @param cancelledOrTimedOut whether the platform says a user or a time limit ended the run
 */
public record RunState(
    RunOutcome outcome,
    String lifeCycleState,
    String resultState,
    String message,
    Optional<Termination> termination,
    boolean cancelledOrTimedOut) {

  public RunState {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(lifeCycleState, "lifeCycleState");
    Objects.requireNonNull(resultState, "resultState");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(termination, "termination");
  }

  /** A plain failure with a message, as the Jobs API words it: for the webhook alone and for tests. */
  public static RunState failed(String message) {
    return of(RunOutcome.FAILED, "FAILED", message);
  }

  /** A state with only an outcome and the platform's word for it, for platforms and tests that know no more. */
  public static RunState of(RunOutcome outcome, String resultState, String message) {
    return new RunState(outcome, "", resultState, message, Optional.empty(), false);
  }
}
