package dev.aiops.rca.domain;

/** The answer to "claim this run": the first delivery of a run wins, every later one is a duplicate. */
public enum RunClaim {
  /** This caller is the first: it owns the run's processing. */
  CLAIMED,
  /** The run was claimed before; this delivery changes nothing. */
  ALREADY_CLAIMED
}
