package dev.aiops.rca.domain;

/** The remediations the service knows how to run: each one safe to repeat on a failed run. */
public enum RemediationAction {
  /** Databricks {@code runs/repair} of the failed tasks only. */
  REPAIR_FAILED_TASKS,
  /** ADF {@code createRun} with {@code isRecovery} and {@code startFromFailure}. */
  RERUN_FROM_FAILURE
}
