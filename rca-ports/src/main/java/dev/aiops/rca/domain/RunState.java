package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The state a platform reports for a run, a task or an activity.
 *
 * @param lifeCycleState Databricks life-cycle state ({@code TERMINATED}, {@code INTERNAL_ERROR}); empty for ADF
 * @param resultState the outcome ({@code FAILED}, {@code UPSTREAM_FAILED}, {@code TIMEDOUT}; ADF {@code Failed})
 * @param message the platform's state message; may be empty
 * @param termination the coded reason, when the platform gives one
 * @param cancelledOrTimedOut whether the platform says a user or a time limit ended the run
 */
public record RunState(
    String lifeCycleState,
    String resultState,
    String message,
    Optional<Termination> termination,
    boolean cancelledOrTimedOut) {

  public RunState {
    Objects.requireNonNull(lifeCycleState, "lifeCycleState");
    Objects.requireNonNull(resultState, "resultState");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(termination, "termination");
  }

  /** A state with only a result, for platforms and tests that know nothing more. */
  public static RunState of(String resultState, String message) {
    return new RunState("", resultState, message, Optional.empty(), false);
  }
}
