package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.EffectStep;
import dev.aiops.rca.core.effect.Effects;
import dev.aiops.rca.core.lifecycle.IncidentMessage;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells people of an incident: its first message, the ticket shown on that message, each recurrence on the ticket
 * and the message, and a remediation's outcome. During a storm ({@link StormGate}) a new incident is listed on the
 * storm's summary instead of getting a message of its own; its recurrences then go to its ticket only.
 */
final class TellPeopleStep {

  private final Notifiers notifiers;
  private final IssueTracker tracker;
  private final IncidentRepository incidents;
  private final IncidentUpdates updates;
  private final Effects effects;
  private final Journal journal;
  private final StormGate storms;
  private final RoutingService routing;

  TellPeopleStep(Notifiers notifiers, IssueTracker tracker, IncidentRepository incidents, IncidentUpdates updates,
      Effects effects, Journal journal, StormGate storms, RoutingService routing) {
    this.notifiers = Objects.requireNonNull(notifiers, "notifiers");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.effects = Objects.requireNonNull(effects, "effects");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.storms = Objects.requireNonNull(storms, "storms");
    this.routing = Objects.requireNonNull(routing, "routing");
  }

  /**
   * The incident with its message, told through each notifier that has not told of it yet; as it was when the
   * primary failed, which is then a problem, as is any other notifier's failure.
   */
  Incident notify(Incident incident, FailedRun run, Problems problems) {
    List<Notifiers.Named> untold = notifiers.all().stream()
        .filter(named -> !notifiers.told(incident, named, effects::find))
        .toList();
    if (untold.isEmpty()) {
      return incident; // a resumed delivery: people were told before the interruption
    }
    Notification notification = IncidentMessage.of(incident, run.runPageUrl())
        .withDestinations(routing.destinations(incident.assignment().route()));
    boolean alone = storms.admit(incident.id());
    Incident current = incident;
    for (Notifiers.Named named : untold) {
      EffectStep step = journal.step(notifiers.key(named, EffectKey.notification(incident)), EffectKind.NOTIFICATION,
          incident.firstRun(), incident.id());
      current = alone ? tell(current, named, notification, step, problems)
          : summarize(current, named, notification, step, problems);
    }
    return current;
  }

  private Incident tell(Incident incident, Notifiers.Named named, Notification notification, EffectStep step,
      Problems problems) {
    boolean primary = notifiers.isPrimary(named);
    try {
      // A notifier cannot be asked whether it sent a message, so an attempt interrupted between sending and
      // recording is sent again: a rare repeated message is better than a missing alert.
      Incident notified = effects.cause(step, () -> {
        NotificationRef ref = named.notifier().notify(notification);
        return new Effects.Done<>(primary ? incidents.attachNotification(incident.id(), ref) : incident,
            Notifiers.reference(ref), AuditAction.NOTIFIED, "notified " + ref.channel() + via(named));
      });
      journal.publish(incident.id(), IncidentChange.Kind.NOTIFIED);
      return notified;
    } catch (PortException e) {
      journal.failed(step, AuditAction.NOTIFICATION_FAILED, "notification not sent" + via(named), e, problems);
      return incident;
    }
  }

  /** Lists the incident on the storm's summary of {@code named}; its ticket is its own, opened before. */
  private Incident summarize(Incident incident, Notifiers.Named named, Notification notification, EffectStep step,
      Problems problems) {
    StormSummary.Entry entry = new StormSummary.Entry(incident.id(), incident.jobName(), notification.title(),
        incident.ticket().map(TicketRef::key));
    try {
      effects.cause(step, () -> {
        NotificationRef summary = storms.list(entry, named);
        return new Effects.Done<>(summary, Notifiers.SUMMARY + Notifiers.reference(summary),
            AuditAction.NOTIFIED, "listed on the storm summary in " + summary.channel() + via(named)
                + ": too many new incidents at once for a message each");
      });
      journal.publish(incident.id(), IncidentChange.Kind.NOTIFIED);
    } catch (PortException e) {
      journal.failed(step, AuditAction.NOTIFICATION_FAILED, "not listed on the storm summary" + via(named), e,
          problems);
    }
    return incident;
  }

  /** Names a notifier other than the primary in audit entries and problems; the primary's words stay as they were. */
  private String via(Notifiers.Named named) {
    return notifiers.isPrimary(named) ? "" : " (" + named.name() + ")";
  }

  /** Redraws the incident's message now that it has a ticket. */
  void showTicket(Incident incident, FailedRun run) {
    updates.redraw(incident, IncidentMessage.of(incident, run.runPageUrl()), incident.firstRun(), Journal.ACTOR,
        "ticket " + incident.ticket().orElseThrow().key());
  }

  /** Redraws the incident's message now that its priority rose. */
  void showPriority(Incident incident, FailedRun run) {
    updates.redraw(incident, IncidentMessage.of(incident, run.runPageUrl()), run.event().run(), Journal.ACTOR,
        "priority " + incident.assignment().priority());
  }

  /** Tells the ticket and the message of the incident's occurrence in {@code run}, each once. */
  void recurrence(Incident incident, RunKey run, Problems problems) {
    Recurrence recurrence = new Recurrence(incident.id(), run, incident.occurrences(), incident.lastSeen());
    // A recurrence can be filed while the incident's first delivery is still opening its ticket or message; it is
    // then told on a later attempt of this delivery rather than not at all.
    if (incident.ticket().isEmpty()) {
      problems.add("incident " + incident.id() + " has no ticket yet; its ticket is told of this run later");
    }
    incident.ticket().ifPresent(ticket -> recurrenceOnTicket(incident, ticket, recurrence, problems));
    for (Notifiers.Named named : notifiers.all()) {
      Optional<NotificationRef> message = notifiers.message(incident, named, effects::find);
      if (message.isPresent()) {
        recurrenceOnMessage(incident, named, message.get(), recurrence, problems);
      } else if (!notifiers.summarized(incident, named, effects::find)) {
        problems.add("incident " + incident.id() + " has no message yet" + via(named)
            + "; its message is updated later");
      }
    }
  }

  private void recurrenceOnTicket(Incident incident, TicketRef ticket, Recurrence recurrence, Problems problems) {
    EffectStep step = journal.step(EffectKey.recurrenceOnTicket(incident.id(), recurrence.run()), EffectKind.TICKET,
        recurrence.run(), incident.id());
    try {
      effects.causeOnce(step, () -> {
        tracker.recordRecurrence(ticket, recurrence);
        return new Effects.Done<>(ticket, ticket.key(), AuditAction.TICKET_UPDATED,
            "ticket " + ticket.key() + " told of occurrence " + incident.occurrences());
      });
    } catch (PortException e) {
      journal.failed(step, AuditAction.TICKET_FAILED, "ticket not updated", e, problems);
    }
  }

  private void recurrenceOnMessage(Incident incident, Notifiers.Named named, NotificationRef message,
      Recurrence recurrence, Problems problems) {
    EffectStep step = journal.step(notifiers.key(named, EffectKey.recurrenceOnMessage(incident.id(),
        recurrence.run())), EffectKind.NOTIFICATION, recurrence.run(), incident.id());
    try {
      effects.causeOnce(step, () -> {
        named.notifier().update(message, recurrence);
        return new Effects.Done<>(message, message.messageId(), AuditAction.NOTIFICATION_UPDATED,
            "message updated with occurrence " + incident.occurrences() + via(named));
      });
    } catch (PortException e) {
      journal.failed(step, AuditAction.NOTIFICATION_FAILED, "notification not updated" + via(named), e, problems);
    }
  }

  /**
   * Notes the remediation's outcome on the ticket (once, through the effect log) and redraws the message with it.
   * A note the tracker cannot take now is a problem, so that the delivery is tried again and the note follows.
   */
  void remediation(Incident incident, RemediationOutcome outcome, Optional<String> runPageUrl, Problems problems) {
    EffectKey key = EffectKey.remediationNote(incident.id(), outcome.plan().target(), outcome.status());
    updates.noteRemediation(incident, outcome, key, Journal.ACTOR)
        .ifPresent(e -> problems.add("ticket not noted of the remediation: " + Journal.describe(e), e));
    updates.redrawRemediation(incident, outcome, runPageUrl, Journal.ACTOR);
  }
}
