package dev.aiops.rca.domain;

/** Caveats attached to an analysis, so that readers know how far to trust it. */
public enum AnalysisFlag {
  /** The platform could not be asked; only the webhook's own data was analysed. */
  DEGRADED_SOURCE,
  /** A model was configured but failed or answered badly; the rules result stands. */
  MODEL_FALLBACK,
  /** A model named a category that the evidence does not support; the rules' analysis stands. */
  MODEL_OVERRULED,
  /** The evidence does not support a specific cause. */
  INSUFFICIENT_EVIDENCE,
  /** The model's answer was reused from an earlier failure with the same signature, model and prompt version. */
  CACHED
}
