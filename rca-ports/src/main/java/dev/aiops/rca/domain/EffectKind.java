package dev.aiops.rca.domain;

/** The outward effects the pipeline causes, each recorded in the effect log around its attempt. */
public enum EffectKind {
  TICKET,
  NOTIFICATION,
  REMEDIATION
}
