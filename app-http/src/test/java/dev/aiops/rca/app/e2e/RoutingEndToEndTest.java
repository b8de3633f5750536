package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-call routing through the whole service (issue 19): a failure of a routed job goes to its route's Slack channel
 * with its mentions and to its Jira project and assignee at the matrix's priority, with the runbook on both; its
 * third occurrence raises the priority, which is stored and redrawn on the card.
 */
class RoutingEndToEndTest {

  private static final String ERROR = "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table "
      + "or view `prod`.`sales`.`customers` cannot be found. SQLSTATE: 42P01";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path data;

  private final JiraStub jira = new JiraStub("CUST");
  private final SlackStub slack = new SlackStub();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    jira.close();
    slack.close();
  }

  private void start() throws IOException {
    Path routes = data.resolve("routes.yaml");
    Files.writeString(routes, """
        routes:
          - name: customers
            match: {job: "etl_cust*", source: databricks}
            runbook: https://wiki.example.com/rb/{category}?job={job}
            slack: {channel: "#customers-oncall", mentions: [U024BE7LH]}
            jira: {project: CUST, component: Pipelines, assignee: 5b10ac8d82e05b22cc7d4ef5}
        default:
          slack: {channel: "#data-alerts"}
        """, StandardCharsets.UTF_8);
    service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Vendors.slack(slack),
        Map.of("RCA_ROUTES_FILE", routes.toString())), Optional.empty(), Dependencies::fastRetries,
        RetryPolicy.defaults(), true);
  }

  private Incident failed(long run, int occurrences) {
    service.post("/webhooks/databricks", Vendors.legacyWebhook(run, "etl_customers", ERROR));
    // The ticket is opened before the message is posted: both are awaited.
    return service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent() && list.get(0).occurrences() == occurrences, WAIT).get(0);
  }

  @Test
  void should_send_a_routed_failure_to_its_channel_project_and_assignee_and_raise_it_when_it_recurs()
      throws IOException {
    start();

    Incident incident = failed(901, 1);

    assertThat(incident.assignment()).isEqualTo(new Assignment("customers", Optional.empty(), Priority.P2,
        Optional.of("https://wiki.example.com/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_customers")));
    JsonNode fields = jira.seen("POST", "/rest/api/3/issue").get(0).json().path("fields");
    assertThat(fields.path("project").path("key").asText()).isEqualTo("CUST");
    assertThat(fields.path("components").get(0).path("name").asText()).isEqualTo("Pipelines");
    assertThat(fields.path("assignee").path("accountId").asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
    assertThat(fields.path("priority").path("name").asText()).isEqualTo("High");
    assertThat(fields.path("description").toString())
        .contains("https://wiki.example.com/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_customers");
    SlackStub.Seen post = slack.seen("chat.postMessage").get(0);
    assertThat(post.form()).containsEntry("channel", "#customers-oncall");
    assertThat(post.form().get("text")).startsWith("<@U024BE7LH> ");
    assertThat(post.form().get("blocks")).contains(":large_orange_circle: *P2*", "rca_runbook");

    failed(902, 2);
    failed(903, 3);
    // The raised priority is stored just after the occurrence is counted: wait for the delivery to settle.
    service.awaitSettled(WAIT);
    Incident third = service.incidents().get(0);

    assertThat(third.assignment().priority()).isEqualTo(Priority.P1);
    service.awaitIncidents(list -> slack.seen("chat.update").stream()
        .anyMatch(u -> u.form().getOrDefault("blocks", "").contains(":red_circle: *P1*")), WAIT);
  }
}
