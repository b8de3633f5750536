package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.RemediationExecutor;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an allowed plan on its platform's executor, whoever decided it (the policy or a person): a platform without
 * an executor, or one that fails, becomes an outcome rather than an exception.
 */
public final class RemediationRunner {

  private final Map<Source, RemediationExecutor> executors;
  private final Clock clock;

  public RemediationRunner(Map<Source, RemediationExecutor> executors, Clock clock) {
    this.executors = Map.copyOf(executors);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the plan.
   *
   * @param failure words a platform failure for people (who approved the plan, what the platform said)
   */
  public RemediationOutcome run(RemediationPlan plan, Function<PortException, String> failure) {
    RemediationExecutor executor = executors.get(plan.target().source());
    if (executor == null) {
      return outcome(plan, RemediationStatus.SKIPPED, "no remediation executor is configured for "
          + plan.target().source());
    }
    try {
      return executor.execute(plan);
    } catch (PortException e) {
      return outcome(plan, RemediationStatus.FAILED, failure.apply(e));
    }
  }

  /** The plan for people to approve: the action, the run, the exact API call when an executor can say it. */
  public String describe(RemediationPlan plan) {
    RemediationExecutor executor = executors.get(plan.target().source());
    String call = executor == null ? "" : " (" + executor.describe(plan) + ")";
    return plan.action() + " of run " + plan.target() + call + ": " + plan.reason();
  }

  /** An outcome of {@code plan} now, without a new run. */
  public RemediationOutcome outcome(RemediationPlan plan, RemediationStatus status, String detail) {
    return new RemediationOutcome(plan, status, detail, clock.instant(), Optional.empty());
  }
}
