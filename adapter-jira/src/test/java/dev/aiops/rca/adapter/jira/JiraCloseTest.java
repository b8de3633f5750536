package dev.aiops.rca.adapter.jira;

import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.testkit.IssueTrackerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which transition finishes an issue when its incident is resolved, and what Jira is sent (issue 17, point 9). */
class JiraCloseTest {

  private final JiraStub stub = new JiraStub("OPS");

  @AfterEach
  void stop() {
    stub.close();
  }

  private String transitionsPath(TicketRef ticket) {
    return "/rest/api/3/issue/" + ticket.key() + "/transitions";
  }

  @Test
  void should_take_the_first_transition_to_a_done_status_with_the_note_as_its_comment_when_none_is_named() {
    JiraIssueTracker tracker = tracker(stub, settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    tracker.close(ticket, "Resolved in the RCA Assistant by olga.");

    JsonNode sent = stub.seen("POST", transitionsPath(ticket)).get(0).json();
    assertThat(sent.path("transition").path("id").asText()).isEqualTo("31");
    assertThat(sent.path("update").path("comment").get(0).path("add").path("body").path("type").asText())
        .isEqualTo("doc");
    assertThat(stub.issue(ticket.key()).comments).singleElement().asString()
        .contains("Resolved in the RCA Assistant by olga.");
    assertThat(tracker.state(ticket)).isEqualTo(TicketState.done("Done"));
  }

  @Test
  void should_take_the_named_transition_whatever_its_case_when_jira_done_transition_names_one() {
    stub.openTransitions("51:Resolve issue:Resolved:done", "61:Close:Closed:done");
    JiraIssueTracker tracker = tracker(stub, settings(stub).withDoneTransition("close"));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    tracker.close(ticket, "Resolved.");

    assertThat(stub.seen("POST", transitionsPath(ticket)).get(0).json().path("transition").path("id").asText())
        .isEqualTo("61");
  }

  @Test
  void should_fail_naming_the_transitions_there_are_when_the_named_one_is_missing() {
    JiraIssueTracker tracker = tracker(stub, settings(stub).withDoneTransition("Finish"));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    assertThatThrownBy(() -> tracker.close(ticket, "Resolved."))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("no transition named 'Finish' (JIRA_DONE_TRANSITION)")
        .hasMessageContaining("Start progress, Done");
    assertThat(stub.seen("POST", transitionsPath(ticket))).isEmpty();
  }

  @Test
  void should_fail_asking_for_jira_done_transition_when_no_transition_leads_to_done() {
    stub.openTransitions("21:Start progress:In Progress:indeterminate");
    JiraIssueTracker tracker = tracker(stub, settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    assertThatThrownBy(() -> tracker.close(ticket, "Resolved."))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("no transition to a done status")
        .hasMessageContaining("Start progress")
        .hasMessageContaining("JIRA_DONE_TRANSITION");
  }

  @Test
  void should_leave_an_issue_people_finished_as_it_is_and_report_it_done() {
    JiraIssueTracker tracker = tracker(stub, settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));
    assertThat(tracker.state(ticket)).isEqualTo(TicketState.open("To Do"));
    stub.finish(ticket.key());

    tracker.close(ticket, "Resolved.");

    assertThat(tracker.state(ticket).done()).isTrue();
    assertThat(stub.seen("GET", transitionsPath(ticket))).isEmpty();
    assertThat(stub.issue(ticket.key()).comments).isEmpty();
  }

  @Test
  void should_send_the_comment_as_wiki_markup_when_on_data_center() {
    JiraIssueTracker tracker = tracker(stub, settings(stub).withApiVersion(2));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    tracker.close(ticket, "Resolved in the RCA Assistant by olga.");

    JsonNode sent = stub.seen("POST", "/rest/api/2/issue/" + ticket.key() + "/transitions").get(0).json();
    assertThat(sent.path("update").path("comment").get(0).path("add").path("body").asText())
        .contains("Resolved in the RCA Assistant by olga.");
    assertThat(stub.issue(ticket.key()).statusCategory).isEqualTo("done");
  }

  @Test
  void should_open_a_new_ticket_rather_than_adopt_a_finished_one_whose_workflow_cannot_reopen_it() {
    stub.doneTransitions();
    JiraStub.Issue finished = stub.existing(true, "rca-sig-aaaaaaaaaaaa", "rca-aaaaaaaaaaaa-1");

    TicketRef ticket = tracker(stub, settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-2"));

    // Adopting it would leave the new incident on a done ticket, which the ticket sync would resolve at once.
    assertThat(ticket.key()).isNotEqualTo(finished.key);
    assertThat(tracker(stub, settings(stub)).state(ticket).done()).isFalse();
    assertThat(stub.seen("POST", "/rest/api/3/issueLink")).hasSize(1);
  }
}
