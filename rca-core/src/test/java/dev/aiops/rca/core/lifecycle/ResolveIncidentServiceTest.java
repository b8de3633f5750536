package dev.aiops.rca.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolveIncidentServiceTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final RecordingIncidentEvents events = new RecordingIncidentEvents();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();
  private final ResolveIncidentService service = new ResolveIncidentService(incidents, incidents,
      new IncidentUpdates(incidents, effects, tracker, notifier, clock), events, clock);

  /** An open incident with its ticket and its message. */
  private Incident announced() {
    Incident incident = incidents.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "1"), Samples.signature('a'),
        "etl_orders", Samples.T0, Samples.analysis(Category.NETWORK, "java.net.SocketTimeoutException"))).incident();
    TicketRequest request = IssueTrackerContract.request("rca-a-" + incident.id());
    incidents.attachTicket(incident.id(), tracker.open(request));
    Incident ticketed = incidents.find(incident.id()).orElseThrow();
    return incidents.attachNotification(incident.id(),
        notifier.notify(IncidentMessage.of(ticketed, Optional.empty())));
  }

  @Test
  void should_resolve_close_the_ticket_with_a_note_and_redraw_the_message_when_a_person_resolves_it() {
    Incident incident = announced();

    ResolveIncidentResult result =
        service.resolve(new ResolveIncidentCommand(incident.id(), "olga", "the upstream API is back"));

    assertThat(result.changed()).isTrue();
    assertThat(result.problems()).isEmpty();
    assertThat(result.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(tracker.comments(incident.ticket().orElseThrow().key())).containsExactly(
        "Resolved in the RCA Assistant by olga: the upstream API is back. A new failure with this signature opens "
            + "a new incident.");
    Notification redrawn = notifier.refreshes().get(0);
    assertThat(redrawn.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(redrawn.text()).endsWith("Resolved by olga: the upstream API is back");
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action)
        .contains(AuditAction.INCIDENT_RESOLVED, AuditAction.TICKET_CLOSED, AuditAction.NOTIFICATION_UPDATED);
    assertThat(tracker.state(incident.ticket().orElseThrow()).done()).isTrue();
    assertThat(events.changes()).extracting(IncidentChange::kind).containsExactly(IncidentChange.Kind.RESOLVED);
  }

  @Test
  void should_change_nothing_when_the_incident_is_resolved_already() {
    Incident incident = announced();
    service.resolve(new ResolveIncidentCommand(incident.id(), "olga", ""));

    ResolveIncidentResult again = service.resolve(new ResolveIncidentCommand(incident.id(), "victor", "again"));

    assertThat(again.changed()).isFalse();
    assertThat(tracker.comments(incident.ticket().orElseThrow().key())).hasSize(1);
    assertThat(notifier.refreshes()).hasSize(1);
  }

  @Test
  void should_resolve_and_report_the_problem_when_the_tracker_cannot_close_the_ticket() {
    Incident incident = announced();
    tracker.failures().failNext(new TransientPortException("Jira answered 503"));

    ResolveIncidentResult result = service.resolve(new ResolveIncidentCommand(incident.id(), "olga", ""));

    assertThat(result.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(result.problems()).singleElement().asString().contains("ticket not closed", "Jira answered 503");
    assertThat(notifier.refreshes()).hasSize(1);
    assertThat(tracker.state(incident.ticket().orElseThrow()).done()).isFalse();
    assertThat(effects.find("ticket-close-" + incident.id()).orElseThrow().state()).isEqualTo(EffectState.PENDING);
  }

  @Test
  void should_open_a_new_incident_when_the_signature_fails_again_after_resolution() {
    Incident incident = announced();
    service.resolve(new ResolveIncidentCommand(incident.id(), "olga", ""));

    Incident next = incidents.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "2"), Samples.signature('a'),
        "etl_orders", Samples.T0.plusSeconds(60), Samples.analysis(Category.NETWORK, "timeout"))).incident();

    assertThat(next.id()).isNotEqualTo(incident.id());
    assertThat(next.status()).isEqualTo(IncidentStatus.OPEN);
  }

  @Test
  void should_refuse_an_incident_that_does_not_exist() {
    assertThatThrownBy(() -> service.resolve(new ResolveIncidentCommand(new IncidentId(404), "olga", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("404");
  }
}
