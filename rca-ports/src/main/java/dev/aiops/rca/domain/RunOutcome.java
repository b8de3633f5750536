package dev.aiops.rca.domain;

/**
 * How a run, task or activity ended, or stands: one closed set for every platform, mapped from each platform's own
 * states by its adapter, so that the core never compares platform strings.
 */
public enum RunOutcome {
  /** It ended well (Databricks {@code SUCCESS}, ADF {@code Succeeded}). */
  SUCCEEDED,
  /** It failed (Databricks {@code FAILED}, {@code MAXIMUM_CONCURRENT_RUNS_REACHED}; ADF {@code Failed}). */
  FAILED,
  /** A time limit ended it (Databricks {@code TIMEDOUT}). */
  TIMED_OUT,
  /** It was cancelled (Databricks {@code CANCELED}, ADF {@code Cancelled}). */
  CANCELLED,
  /** The platform failed it before or while it ran (Databricks life cycle {@code INTERNAL_ERROR}). */
  PLATFORM_ERROR,
  /** It never ran because a task it depends on failed (Databricks {@code UPSTREAM_FAILED}, ADF {@code Skipped}). */
  HELD_BACK,
  /** It has not ended yet (queued, pending, running). */
  RUNNING,
  /** Anything else the platform reports (disabled, excluded, a state added later). */
  OTHER;

  /** Whether it ended in a failure of its own: failed, timed out, cancelled or failed by the platform. */
  public boolean isFailure() {
    return this == FAILED || this == TIMED_OUT || this == CANCELLED || this == PLATFORM_ERROR;
  }
}
