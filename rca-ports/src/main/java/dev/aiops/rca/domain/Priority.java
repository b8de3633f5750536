package dev.aiops.rca.domain;

/**
 * How urgently an incident needs people, {@link #P1} (now, page someone) to {@link #P4} (when convenient), as the
 * priority matrix decides it from the SLA, the alert's severity, the category and the recurrences.
 */
public enum Priority {
  P1,
  P2,
  P3,
  P4;

  /** Whether this is more urgent than {@code other}. */
  public boolean above(Priority other) {
    return ordinal() < other.ordinal();
  }
}
