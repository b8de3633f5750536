package dev.aiops.rca.adapter.web.dashboard;

/** What a dashboard user may do; each role includes the ones before it. */
public enum Role {
  /** Reads incidents. */
  VIEWER,
  /** Also approves remediations. */
  OPERATOR,
  /** Everything. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
