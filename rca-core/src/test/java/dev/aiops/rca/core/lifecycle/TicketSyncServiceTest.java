package dev.aiops.rca.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.SyncTicketsResult;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketSyncServiceTest {

  private final MutableClock clock = MutableClock.at("2026-12-05T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();
  private final IncidentUpdates updates = new IncidentUpdates(incidents, effects, tracker, notifier, clock);
  private final ResolveIncidentService resolver =
      new ResolveIncidentService(incidents, incidents, updates, new RecordingIncidentEvents(), clock);
  private final TicketSyncService sync =
      new TicketSyncService(incidents, effects, tracker, updates, resolver, clock, Duration.ofMinutes(5));

  /** An open incident of signature {@code digit}, with its ticket and its message. */
  private Incident announced(char digit) {
    Incident incident = incidents.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "run-" + digit),
        Samples.signature(digit), "etl_orders", Samples.T0, Samples.analysis(Category.NETWORK, "timeout")))
        .incident();
    incidents.attachTicket(incident.id(), tracker.open(IssueTrackerContract.request("rca-" + incident.id(), digit)));
    Incident ticketed = incidents.find(incident.id()).orElseThrow();
    return incidents.attachNotification(incident.id(),
        notifier.notify(IncidentMessage.of(ticketed, Optional.empty())));
  }

  private Incident current(Incident incident) {
    return incidents.find(incident.id()).orElseThrow();
  }

  @Test
  void should_resolve_the_incident_without_telling_the_ticket_when_people_closed_the_ticket() {
    Incident closedByHand = announced('a');
    Incident stillOpen = announced('b');
    String key = closedByHand.ticket().orElseThrow().key();
    tracker.closeByHand(key);

    SyncTicketsResult result = sync.syncTickets();

    assertThat(result.resolved()).containsExactly(closedByHand.id());
    assertThat(current(closedByHand).status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(current(stillOpen).status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(tracker.comments(key)).isEmpty();
    assertThat(incidents.auditTrail(closedByHand.id())).filteredOn(e -> e.action() == AuditAction.INCIDENT_RESOLVED)
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("fake");
          assertThat(entry.detail()).isEqualTo("resolved by fake: ticket " + key + " is Done");
        });
    assertThat(incidents.auditTrail(closedByHand.id())).extracting(AuditEntry::action)
        .doesNotContain(AuditAction.TICKET_CLOSED, AuditAction.TICKET_FAILED);
    assertThat(notifier.refreshes()).singleElement().satisfies(redrawn ->
        assertThat(redrawn.text()).endsWith("Resolved by fake: ticket " + key + " is Done"));
  }

  @Test
  void should_resolve_once_when_two_rounds_see_the_same_closed_ticket() {
    Incident incident = announced('a');
    tracker.closeByHand(incident.ticket().orElseThrow().key());

    sync.syncTickets();
    SyncTicketsResult second = sync.syncTickets();

    assertThat(second.resolved()).isEmpty();
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action)
        .containsOnlyOnce(AuditAction.INCIDENT_RESOLVED);
  }

  @Test
  void should_report_and_carry_on_when_the_tracker_cannot_be_asked() {
    Incident first = announced('a');
    Incident second = announced('b');
    tracker.closeByHand(first.ticket().orElseThrow().key());
    tracker.closeByHand(second.ticket().orElseThrow().key());
    tracker.failures().failNext(new TransientPortException("Jira answered 503"));

    SyncTicketsResult result = sync.syncTickets();

    assertThat(result.problems()).singleElement().asString().contains("not read", "Jira answered 503");
    assertThat(result.resolved()).hasSize(1);
    assertThat(sync.syncTickets().resolved()).hasSize(1);
    assertThat(current(first).status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(current(second).status()).isEqualTo(IncidentStatus.RESOLVED);
  }

  @Test
  void should_close_the_ticket_once_on_a_later_round_when_the_tracker_was_down_at_resolution() {
    Incident incident = announced('a');
    TicketRef ticket = incident.ticket().orElseThrow();
    tracker.failures().failNext(new TransientPortException("Jira answered 503"));
    resolver.resolve(new ResolveIncidentCommand(incident.id(), "olga", "fixed"));
    assertThat(tracker.state(ticket).done()).isFalse();
    SyncTicketsResult tooSoon = sync.syncTickets();
    clock.advance(Duration.ofMinutes(5));

    SyncTicketsResult retried = sync.syncTickets();
    SyncTicketsResult after = sync.syncTickets();

    assertThat(tooSoon.closed()).isEmpty(); // the resolver may still be closing it
    assertThat(retried.closed()).containsExactly(incident.id());
    assertThat(after.closed()).isEmpty();
    assertThat(tracker.state(ticket).done()).isTrue();
    assertThat(tracker.comments(ticket.key())).singleElement().asString().startsWith("Resolved in the RCA Assistant");
    assertThat(incidents.auditTrail(incident.id())).filteredOn(e -> e.action() == AuditAction.TICKET_CLOSED)
        .singleElement().extracting(AuditEntry::actor).isEqualTo(TicketSyncService.ACTOR);
  }

  @Test
  void should_keep_trying_a_close_the_tracker_refuses_and_audit_its_failure_once() {
    Incident incident = announced('a');
    tracker.failures().failAlways(() -> new PermanentPortException("no transition to a done status"));
    resolver.resolve(new ResolveIncidentCommand(incident.id(), "olga", "fixed"));
    clock.advance(Duration.ofMinutes(5));

    SyncTicketsResult first = sync.syncTickets();
    SyncTicketsResult second = sync.syncTickets();
    tracker.failures().recover();
    SyncTicketsResult fixed = sync.syncTickets();

    assertThat(first.problems()).singleElement().asString().contains("not closed", "no transition");
    assertThat(second.problems()).hasSize(1);
    assertThat(fixed.closed()).containsExactly(incident.id());
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action)
        .containsOnlyOnce(AuditAction.TICKET_FAILED, AuditAction.TICKET_CLOSED);
  }

  @Test
  void should_leave_a_ticket_of_another_tracker_alone() {
    Incident incident = announced('a');
    incidents.attachTicket(incident.id(), new TicketRef("servicenow", "INC0010001", ""));

    SyncTicketsResult result = sync.syncTickets();

    assertThat(result.problems()).isEmpty();
    assertThat(current(incident).status()).isEqualTo(IncidentStatus.OPEN);
  }
}
