package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step in the audit trail: who or what acted, on which run and incident, and when.
 *
 * @param at when
 * @param run the run concerned
 * @param incident the incident concerned, once there is one
 * @param actor who or what acted: {@code pipeline}, {@code policy}, a user name ...
 * @param action what happened
 * @param detail a line for people
 */
public record AuditEntry(
    Instant at, RunKey run, Optional<IncidentId> incident, String actor, AuditAction action, String detail) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
  }
}
