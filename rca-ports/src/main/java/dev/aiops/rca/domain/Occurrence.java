package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/** One failed run filed under an incident. */
public record Occurrence(IncidentId incident, RunKey run, Instant at) {
  public Occurrence {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(at, "at");
  }
}
