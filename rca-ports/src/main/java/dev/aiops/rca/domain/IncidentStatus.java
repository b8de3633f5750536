package dev.aiops.rca.domain;

/** Where an incident stands. */
public enum IncidentStatus {
  OPEN,
  RESOLVED
}
