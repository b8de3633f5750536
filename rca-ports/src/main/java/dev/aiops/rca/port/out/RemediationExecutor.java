package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.Source;

/**
 * Runs an approved remediation on the platform (Databricks repair, ADF rerun from failure).
 *
 * <p>Implementations are thread-safe and run only the {@link dev.aiops.rca.domain.RemediationAction}s of their
 * platform; the core decides whether a plan may run at all.
 */
public interface RemediationExecutor {

  Source source();

  /** The exact API call {@link #execute} would make, for people to approve. */
  String describe(RemediationPlan plan);

  /**
   * Runs the plan.
   *
   * @return {@code EXECUTED} with the new run, or {@code FAILED} with the platform's answer
   * @throws dev.aiops.rca.port.TransientPortException if the platform cannot be reached now
   */
  RemediationOutcome execute(RemediationPlan plan);

  /**
   * Where the run that {@code executed} started stands now: still going, or how it ended.
   *
   * @param executed an outcome of {@link #execute} with status {@code EXECUTED} and its new run
   * @throws dev.aiops.rca.port.TransientPortException if the platform cannot be asked now
   * @throws dev.aiops.rca.port.PermanentPortException if the run can no longer be found
   */
  RemediationProgress progress(RemediationOutcome executed);
}
