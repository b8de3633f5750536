package dev.aiops.rca.adapter.jira;

import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.jira.JiraIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a route and a priority change in the issue Jira is asked to create (REST v3 and v2 field shapes). */
class JiraRoutingTest {

  private static final String CREATE_V3 = "/rest/api/3/issue";
  private static final Destinations SALES = new Destinations(Optional.of("#sales"), List.of(), Optional.empty(),
      Optional.empty(), List.of(), Optional.of("SALES"), Optional.of("Pipelines"),
      Optional.of("5b10ac8d82e05b22cc7d4ef5"), Optional.empty());
  private static final Assignment ASSIGNMENT = new Assignment("sales", Optional.of("team-sales"), Priority.P1,
      Optional.of("https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders"));

  private final JiraStub stub = new JiraStub("SALES");

  @AfterEach
  void stop() {
    stub.close();
  }

  private static TicketRequest routed(Priority priority, Destinations destinations) {
    TicketRequest base = IssueTrackerContract.request("rca-aaaaaaaaaaaa-1");
    TicketDetails d = base.details().orElseThrow();
    TicketDetails details = new TicketDetails(d.jobName(), d.source(), d.analysis(), d.occurrences(),
        d.runPageUrl(), d.tags(), d.impact(), ASSIGNMENT.withPriority(priority));
    return new TicketRequest(base.idempotencyKey(), base.incident(), base.signature(), base.summary(),
        base.description(), base.labels(), base.category(), Optional.of(details), priority, destinations);
  }

  @Test
  void should_file_in_the_routes_project_component_and_assignee_at_its_priority_when_routed_on_cloud() {
    TicketRef ticket = tracker(stub, settings(stub)).open(routed(Priority.P1, SALES));

    assertThat(ticket.key()).isEqualTo("SALES-1");
    JsonNode fields = stub.seen("POST", CREATE_V3).get(0).json().path("fields");
    assertThat(fields.path("project").path("key").asText()).isEqualTo("SALES");
    assertThat(fields.path("components").toString()).isEqualTo("[{\"name\":\"Pipelines\"}]");
    assertThat(fields.path("assignee").toString()).isEqualTo("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
    assertThat(fields.path("priority").toString()).isEqualTo("{\"name\":\"Highest\"}");
    String description = fields.path("description").toString();
    assertThat(description).contains("\"href\":\"https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders\"",
        "\"text\":\" P1\"", "\"text\":\" team-sales\"", "\"text\":\" sales\"");
  }

  @Test
  void should_use_the_configured_project_and_no_component_or_assignee_when_the_route_names_none() {
    JiraStub ops = new JiraStub("OPS");
    try {
      tracker(ops, settings(ops)).open(routed(Priority.P4, Destinations.DEFAULTS));

      JsonNode fields = ops.seen("POST", CREATE_V3).get(0).json().path("fields");
      assertThat(fields.path("project").path("key").asText()).isEqualTo("OPS");
      assertThat(fields.has("components")).isFalse();
      assertThat(fields.has("assignee")).isFalse();
      assertThat(fields.path("priority").path("name").asText()).isEqualTo("Low");
    } finally {
      ops.close();
    }
  }

  @Test
  void should_name_the_assignee_and_use_the_configured_priority_names_on_data_center() {
    JiraSettings dataCenter = settings(stub).withApiVersion(2)
        .withPriorityNames(List.of("Blocker", "Critical", "Major", "Minor"));

    tracker(stub, dataCenter).open(routed(Priority.P2, SALES));

    JsonNode fields = stub.seen("POST", "/rest/api/2/issue").get(0).json().path("fields");
    assertThat(fields.path("assignee").toString()).isEqualTo("{\"name\":\"5b10ac8d82e05b22cc7d4ef5\"}");
    assertThat(fields.path("priority").path("name").asText()).isEqualTo("Critical");
  }

  @Test
  void should_create_the_ticket_without_a_priority_when_the_project_refuses_the_priority_field() {
    stub.script("POST", CREATE_V3, JiraStub.Answer.json(400, "{\"errorMessages\":[],\"errors\":{\"priority\":"
        + "\"Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.\"}}"));

    TicketRef ticket = tracker(stub, settings(stub)).open(routed(Priority.P1, SALES));

    assertThat(ticket.key()).isEqualTo("SALES-1");
    List<JiraStub.Seen> creates = stub.seen("POST", CREATE_V3);
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).json().path("fields").has("priority")).isTrue();
    assertThat(creates.get(1).json().path("fields").has("priority")).isFalse();
    assertThat(creates.get(1).json().path("fields").path("assignee").path("accountId").asText())
        .isEqualTo("5b10ac8d82e05b22cc7d4ef5");
  }

  @Test
  void should_not_retry_when_the_project_refuses_another_field() {
    stub.script("POST", CREATE_V3, JiraStub.Answer.json(400, "{\"errorMessages\":[],\"errors\":{\"components\":"
        + "\"Component name 'Pipelines' is not valid\"}}"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> tracker(stub, settings(stub)).open(routed(Priority.P1, SALES)))
        .isInstanceOf(dev.aiops.rca.port.PermanentPortException.class)
        .hasMessageContaining("Component name");
    assertThat(stub.seen("POST", CREATE_V3)).hasSize(1);
  }

  @Test
  void should_refuse_priority_names_that_are_not_four() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(stub).withPriorityNames(List.of("High")))
        .hasMessageContaining("JIRA_PRIORITY_NAMES");
  }
}
