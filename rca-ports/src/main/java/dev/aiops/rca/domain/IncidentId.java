package dev.aiops.rca.domain;

/** The service's own id of an incident. */
public record IncidentId(long value) {
  public IncidentId {
    if (value <= 0) {
      throw new IllegalArgumentException("incident id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
