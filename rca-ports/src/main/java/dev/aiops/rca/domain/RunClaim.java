package dev.aiops.rca.domain;

/** The answer to "claim this run": the first delivery of a run wins, every other delivery is a duplicate. */
public enum RunClaim {
  /** This delivery is the first, or resumes its own claim: it owns the run's processing. */
  CLAIMED,
  /** Another delivery claimed the run; this one changes nothing. */
  ALREADY_CLAIMED
}
