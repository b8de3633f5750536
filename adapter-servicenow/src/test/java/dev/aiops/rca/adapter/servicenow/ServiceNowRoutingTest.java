package dev.aiops.rca.adapter.servicenow;

import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a route and a priority change in the incident the Table API is asked to create. */
class ServiceNowRoutingTest {

  private static final Destinations DATA_TEAM = new Destinations(Optional.empty(), List.of(), Optional.empty(),
      Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.of("Data Platform L2"));

  private final ServiceNowStub stub = new ServiceNowStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  private static TicketRequest routed(Priority priority, Destinations destinations) {
    TicketRequest base = IssueTrackerContract.request("rca-aaaaaaaaaaaa-1");
    TicketDetails d = base.details().orElseThrow();
    TicketDetails details = new TicketDetails(d.jobName(), d.source(), d.analysis(), d.occurrences(),
        d.runPageUrl(), d.tags(), d.impact(), new Assignment("data", Optional.of("team-data"), priority,
            Optional.of("https://wiki.example/rb/etl_orders")));
    return new TicketRequest(base.idempotencyKey(), base.incident(), base.signature(), base.summary(),
        base.description(), base.labels(), base.category(), Optional.of(details), priority, destinations);
  }

  @ParameterizedTest(name = "{0} -> urgency {1}, impact {2}")
  @CsvSource({"P1, 1, 1", "P2, 1, 2", "P3, 2, 2", "P4, 3, 2"})
  void should_send_the_urgency_and_impact_whose_product_is_the_priority(Priority priority, String urgency,
      String impact) {
    tracker(settings(stub)).open(routed(priority, Destinations.DEFAULTS));

    JsonNode body = stub.seen("POST").get(0).json();
    assertThat(body.path("urgency").asText()).isEqualTo(urgency);
    assertThat(body.path("impact").asText()).isEqualTo(impact);
  }

  @Test
  void should_assign_the_routes_group_and_show_runbook_priority_and_owner_when_routed() {
    tracker(settings(stub)).open(routed(Priority.P1, DATA_TEAM));

    JsonNode body = stub.seen("POST").get(0).json();
    assertThat(body.path("assignment_group").asText()).isEqualTo("Data Platform L2");
    assertThat(body.path("description").asText()).contains("Runbook: https://wiki.example/rb/etl_orders",
        "Priority: P1", "Owner: team-data");
  }

  @Test
  void should_send_no_assignment_group_when_neither_route_nor_settings_name_one() {
    tracker(settings(stub)).open(routed(Priority.P3, Destinations.DEFAULTS));

    assertThat(stub.seen("POST").get(0).json().has("assignment_group")).isFalse();
  }
}
