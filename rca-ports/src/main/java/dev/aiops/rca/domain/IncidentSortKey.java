package dev.aiops.rca.domain;

/** What an incident list can be ordered by. */
public enum IncidentSortKey {
  /** When the latest run failed. */
  LAST_SEEN,
  /** When the first run failed. */
  FIRST_SEEN,
  /** How many runs failed this way. */
  OCCURRENCES
}
