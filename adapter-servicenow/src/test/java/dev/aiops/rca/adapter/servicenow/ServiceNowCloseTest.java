package dev.aiops.rca.adapter.servicenow;

import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.testkit.IssueTrackerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How an incident is resolved in ServiceNow with its RCA incident, and read back (issue 17, point 9). */
class ServiceNowCloseTest {

  private final ServiceNowStub stub = new ServiceNowStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void should_resolve_with_state_6_the_close_code_and_the_note_as_close_notes_in_one_patch() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));
    assertThat(tracker.state(ticket)).isEqualTo(TicketState.open("New"));

    tracker.close(ticket, "Resolved in the RCA Assistant by olga.");

    assertThat(stub.seen("PATCH")).singleElement().satisfies(patch -> {
      JsonNode body = patch.json();
      assertThat(body.path("state").asText()).isEqualTo("6");
      assertThat(body.path("close_code").asText()).isEqualTo("Solution provided");
      assertThat(body.path("close_notes").asText()).isEqualTo("Resolved in the RCA Assistant by olga.");
    });
    assertThat(tracker.state(ticket)).isEqualTo(TicketState.done("Resolved"));
  }

  @Test
  void should_send_the_configured_close_code_when_servicenow_close_code_is_set() {
    ServiceNowIssueTracker tracker = tracker(settings(stub).withCloseCode("Solved (Permanently)"));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    tracker.close(ticket, "Resolved.");

    assertThat(stub.incident(ticket.key()).path("close_code").asText()).isEqualTo("Solved (Permanently)");
  }

  @Test
  void should_leave_an_incident_people_closed_or_canceled_as_it_is_and_report_it_done() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef closed = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));
    TicketRef canceled = tracker.open(IssueTrackerContract.request("rca-bbbb-2", 'b'));
    stub.setState(closed.key(), "7");
    stub.setState(canceled.key(), "8");

    tracker.close(closed, "Resolved.");

    assertThat(stub.seen("PATCH")).isEmpty();
    assertThat(tracker.state(closed)).isEqualTo(TicketState.done("Closed"));
    assertThat(tracker.state(canceled)).isEqualTo(TicketState.done("Canceled"));
  }

  @Test
  void should_open_a_new_incident_rather_than_note_a_resolved_one_when_its_signature_fails_again() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef first = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));
    tracker.close(first, "Resolved.");

    TicketRef again = tracker.open(IssueTrackerContract.request("rca-aaaa-2"));

    assertThat(again.key()).isNotEqualTo(first.key());
    assertThat(tracker.state(again).done()).isFalse();
  }
}
