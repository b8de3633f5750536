package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A further run that failed with an open incident's signature, told to the ticket and the notification.
 *
 * @param incident the incident
 * @param run the new run
 * @param occurrences the count including this run
 * @param at when it failed
 */
public record Recurrence(IncidentId incident, RunKey run, int occurrences, Instant at) {
  public Recurrence {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(run, "run");
    if (occurrences < 2) {
      throw new IllegalArgumentException("a recurrence has at least 2 occurrences, was " + occurrences);
    }
    Objects.requireNonNull(at, "at");
  }
}
