package dev.aiops.rca.domain;

/** Where an outward effect stands in the effect log. */
public enum EffectState {
  /** Recorded before the attempt; not known to have happened. A crash leaves effects in this state. */
  PENDING,
  /** The attempt succeeded and its reference is recorded. */
  DONE
}
