package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.EffectStep;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentEvents;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The pipeline's account of what it did: audit entries under its own actor, and live updates. */
final class Journal {

  static final String ACTOR = "pipeline";

  private final AuditTrail audit;
  private final IncidentEvents events;
  private final Clock clock;

  Journal(AuditTrail audit, IncidentEvents events, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Audits a step taken before the run has an incident. */
  void audit(RunKey run, AuditAction action, String detail) {
    append(run, Optional.empty(), action, detail);
  }

  /** Audits a step taken for the incident. */
  void audit(RunKey run, IncidentId incident, AuditAction action, String detail) {
    append(run, Optional.of(incident), action, detail);
  }

  /** Tells live views that the incident changed. */
  void publish(IncidentId incident, IncidentChange.Kind kind) {
    try {
      events.publish(new IncidentChange(incident, kind, clock.instant()));
    } catch (RuntimeException e) {
      // Live views are best effort; the incident is already stored.
    }
  }

  /** An outward effect the pipeline causes, audited under its actor. */
  EffectStep step(EffectKey key, EffectKind kind, RunKey run, IncidentId incident) {
    return new EffectStep(key, kind, run, incident, ACTOR);
  }

  /**
   * Records an effect that a port kept from happening: a problem, so that the delivery is tried again, and an
   * audit entry.
   *
   * @param what what did not happen, as the problem's words begin
   */
  void failed(EffectStep step, AuditAction action, String what, PortException cause, Problems problems) {
    problems.add(what + ": " + describe(cause), cause);
    audit(step.run(), step.incident(), action, describe(cause));
  }

  /** The exception's type and message, for the audit trail and the problems. */
  static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }

  private void append(RunKey run, Optional<IncidentId> incident, AuditAction action, String detail) {
    audit.append(new AuditEntry(clock.instant(), run, incident, ACTOR, action, detail));
  }
}
