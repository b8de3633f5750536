package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.EffectStep;
import dev.aiops.rca.core.effect.Effects;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.EffectLog;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells an incident's ticket and message what happened to it after it was filed, and records each telling in the
 * audit trail.
 *
 * <p>A ticket note is an outward effect, written once per key through the effect log, so that a retried step never
 * comments twice. Redrawing the message is idempotent and best effort: what it shows is already in the store.
 */
public final class IncidentUpdates {

  private final AuditTrail audit;
  private final Effects effects;
  private final IssueTracker tracker;
  private final Notifiers notifiers;
  private final Clock clock;
  private final RoutingService routing;

  /** Updates that redraw the message of one notifier, sent to the deployment's own destinations. */
  public IncidentUpdates(
      AuditTrail audit, EffectLog effects, IssueTracker tracker, Notifier notifier, Clock clock) {
    this(audit, effects, tracker, Notifiers.of(notifier), clock, RoutingService.unrouted());
  }

  /** Updates that redraw the message of each notifier, sent to the deployment's own destinations. */
  public IncidentUpdates(
      AuditTrail audit, EffectLog effects, IssueTracker tracker, Notifiers notifiers, Clock clock) {
    this(audit, effects, tracker, notifiers, clock, RoutingService.unrouted());
  }

  /**
   * Updates that redraw the message of each notifier.
   *
   * @param routing where each incident's route sends its messages
   */
  public IncidentUpdates(AuditTrail audit, EffectLog effects, IssueTracker tracker, Notifiers notifiers, Clock clock,
      RoutingService routing) {
    this.routing = Objects.requireNonNull(routing, "routing");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.effects = new Effects(Objects.requireNonNull(effects, "effects"), audit, clock);
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.notifiers = Objects.requireNonNull(notifiers, "notifiers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds {@code text} to the incident's ticket unless a note under {@code key} was added before. An incident
   * without a ticket has nothing to tell.
   *
   * @param run the run the audit entry is filed under
   * @return the failure, audited already, when the tracker could not take the note; empty when it is told
   */
  public Optional<PortException> noteOnTicket(Incident incident, RunKey run, EffectKey key, String text,
      String actor) {
    if (incident.ticket().isEmpty()) {
      return Optional.empty();
    }
    TicketRef ticket = incident.ticket().get();
    try {
      effects.causeOnce(new EffectStep(key, EffectKind.TICKET, run, incident.id(), actor), () -> {
        tracker.comment(ticket, text);
        return new Effects.Done<>(ticket, ticket.key(), AuditAction.TICKET_UPDATED,
            "ticket " + ticket.key() + " noted: " + firstLine(text));
      });
      return Optional.empty();
    } catch (PortException e) {
      audit(incident, run, actor, AuditAction.TICKET_FAILED, "ticket " + ticket.key() + " not noted: "
          + e.getMessage());
      return Optional.of(e);
    }
  }

  /**
   * Closes the incident's ticket with {@code note} unless it was closed under {@code key} before; the tracker leaves
   * a ticket that people finished as it is. An incident without a ticket has nothing to close.
   *
   * @return the failure, audited already, when the tracker could not close it; the effect then stays pending, for
   *     the ticket sync to try again
   */
  public Optional<PortException> closeTicket(Incident incident, EffectKey key, String note, String actor) {
    return closeTicket(incident, key, note, actor, true);
  }

  /**
   * As {@link #closeTicket(Incident, EffectKey, String, String)}, for a close tried again: its failure is audited
   * once, when it first failed, not on every retry.
   */
  public Optional<PortException> retryClose(Incident incident, EffectKey key, String note, String actor) {
    return closeTicket(incident, key, note, actor, false);
  }

  private Optional<PortException> closeTicket(Incident incident, EffectKey key, String note, String actor,
      boolean auditFailure) {
    if (incident.ticket().isEmpty()) {
      return Optional.empty();
    }
    TicketRef ticket = incident.ticket().get();
    try {
      effects.causeOnce(new EffectStep(key, EffectKind.TICKET, incident.firstRun(), incident.id(), actor), () -> {
        tracker.close(ticket, note);
        return new Effects.Done<>(ticket, ticket.key(), AuditAction.TICKET_CLOSED,
            "ticket " + ticket.key() + " closed in " + ticket.system());
      });
      return Optional.empty();
    } catch (PortException e) {
      if (auditFailure) {
        audit(incident, incident.firstRun(), actor, AuditAction.TICKET_FAILED, "ticket " + ticket.key()
            + " not closed: " + e.getMessage() + "; the ticket sync tries again");
      }
      return Optional.of(e);
    }
  }

  /**
   * Notes a remediation's outcome on the ticket when it is one the ticket hears of: what ran, could not run or was
   * declined, and how a run ended. Suggestions and policy refusals stay on the message and the dashboard, to keep
   * tickets quiet.
   *
   * @return as {@link #noteOnTicket}
   */
  public Optional<PortException> noteRemediation(Incident incident, RemediationOutcome outcome, EffectKey key,
      String actor) {
    if (outcome.status() == RemediationStatus.SUGGESTED || outcome.status() == RemediationStatus.SKIPPED) {
      return Optional.empty();
    }
    return noteOnTicket(incident, outcome.plan().target(), key, IncidentMessage.ticketNote(outcome), actor);
  }

  /** Redraws the incident's message with a remediation's outcome below its root-cause line. */
  public void redrawRemediation(Incident incident, RemediationOutcome outcome, Optional<String> runPageUrl,
      String actor) {
    redraw(incident, IncidentMessage.withRemediation(incident, outcome, runPageUrl), outcome.plan().target(), actor,
        "remediation " + outcome.status());
  }

  /**
   * Redraws the incident's message of each notifier as {@code current}, once per content and notifier
   * ({@link EffectKey#messageUpdate}, {@link Notifiers#key}); a failure is audited, and the next redraw of the same
   * content tries again. A notifier that posted no message for the incident has none to redraw.
   */
  public void redraw(Incident incident, Notification shown, RunKey run, String actor, String what) {
    Notification current = shown.withDestinations(routing.destinations(incident.assignment().route()));
    for (Notifiers.Named named : notifiers.all()) {
      notifiers.message(incident, named, effects::find)
          .ifPresent(message -> redraw(incident, named, message, current, run, actor, what));
    }
  }

  private void redraw(Incident incident, Notifiers.Named named, NotificationRef message, Notification current,
      RunKey run, String actor, String what) {
    String via = notifiers.isPrimary(named) ? "" : " (" + named.name() + ")";
    try {
      effects.causeOnce(new EffectStep(notifiers.key(named, EffectKey.messageUpdate(current)),
          EffectKind.NOTIFICATION, run, incident.id(), actor), () -> {
            named.notifier().refresh(message, current);
            return new Effects.Done<>(message, message.messageId(), AuditAction.NOTIFICATION_UPDATED,
                "message redrawn with " + what + via);
          });
    } catch (PortException e) {
      audit(incident, run, actor, AuditAction.NOTIFICATION_FAILED, "message not redrawn with " + what + via + ": "
          + e.getMessage());
    }
  }

  private void audit(Incident incident, RunKey run, String actor, AuditAction action, String detail) {
    this.audit.append(new AuditEntry(clock.instant(), run, Optional.of(incident.id()), actor, action, detail));
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= 160 ? line : line.substring(0, 159) + "…";
  }
}
