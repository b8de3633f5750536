package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/** A change to an incident, pushed to live views. */
public record IncidentChange(IncidentId incident, Kind kind, Instant at) {

  /** What changed. */
  public enum Kind {
    OPENED,
    RECURRED,
    TICKETED,
    NOTIFIED,
    REMEDIATED,
    RESOLVED
  }

  public IncidentChange {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
