package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.app.e2e.NotifiersEndToEndTest.Receiver;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-call path of issue 19 through the whole service: a gold-SLA job owned by team A fails, and the job's own
 * tags (read with {@code jobs/get}) route it to team A — a P1 Jira issue in A's component, a Slack message in A's
 * channel mentioning A's group, a PagerDuty alert on A's routing key; its recurrence pages nobody again; resolving it
 * resolves the alert.
 */
class OnCallEndToEndTest {

  private static final String RUN = "455644833";
  private static final String RECURRENCE = "455644999";
  private static final String TEAM_A_KEY = "A0123456789abcdef0123456789ABCDE";
  private static final String DEFAULT_KEY = "D0123456789abcdef0123456789ABCDE";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final JiraStub jira = new JiraStub("TEAMA");
  private final SlackStub slack = new SlackStub();
  private final Receiver pagerDuty = new Receiver(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
    jira.close();
    slack.close();
    pagerDuty.close();
  }

  @Test
  void should_page_team_a_once_at_p1_in_its_channel_and_component_and_resolve_the_page_when_resolved()
      throws IOException {
    String failedRun = fixture("runs-get-multitask-failed.json");
    databricks.run(RUN, failedRun).run(RECURRENCE, failedRun.replace(RUN, RECURRENCE))
        .output("455644902", fixture("runs-get-output-notebook-table-not-found.json"))
        .job("11223344", "{\"job_id\":11223344,\"settings\":{\"name\":\"nightly_sales_etl\",\"format\":"
            + "\"MULTI_TASK\",\"tags\":{\"owner\":\"team-a\",\"sla\":\"gold\"}}}");
    start();

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), WAIT).get(0);
    service.awaitSettled(WAIT);

    assertThat(incident.assignment().route()).isEqualTo("team-a");
    assertThat(incident.assignment().owner()).hasValue("team-a");
    assertThat(incident.assignment().priority()).isEqualTo(Priority.P1);
    JsonNode issue = jira.seen("POST", "/rest/api/3/issue").get(0).json().path("fields");
    assertThat(issue.path("project").path("key").asText()).isEqualTo("TEAMA");
    assertThat(issue.path("components").get(0).path("name").asText()).isEqualTo("Team A pipelines");
    assertThat(issue.path("priority").path("name").asText()).isEqualTo("Highest");
    SlackStub.Seen message = slack.seen("chat.postMessage").get(0);
    assertThat(message.form()).containsEntry("channel", "#team-a-oncall");
    assertThat(message.form().get("text")).startsWith("<!subteam^S0TEAMA01>");
    assertThat(pagerDuty.bodies).singleElement().satisfies(page -> {
      assertThat(page.path("event_action").asText()).isEqualTo("trigger");
      assertThat(page.path("routing_key").asText()).isEqualTo(TEAM_A_KEY);
      assertThat(page.path("dedup_key").asText()).isEqualTo(incident.signature().value());
      assertThat(page.path("payload").path("severity").asText()).isEqualTo("critical");
    });

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json").replace(RUN, RECURRENCE));
    service.awaitIncidents(list -> list.get(0).occurrences() == 2, WAIT);
    service.awaitSettled(WAIT);

    assertThat(pagerDuty.bodies).as("a recurrence folds into the open alert: no second page").hasSize(1);
    assertThat(slack.seen("chat.postMessage")).as("and no second message, at most a reply in its thread")
        .filteredOn(post -> !post.form().containsKey("thread_ts")).hasSize(1);

    HttpResponse<String> resolved = service.postAsOperator("/api/incidents/" + incident.id().value() + "/resolve",
        "{\"reason\":\"the table was restored\"}");
    assertThat(resolved.statusCode()).isEqualTo(200);
    service.awaitIncidents(list -> list.get(0).status() == IncidentStatus.RESOLVED && pagerDuty.bodies.size() == 2,
        WAIT);

    assertThat(pagerDuty.bodies.get(1).path("event_action").asText()).isEqualTo("resolve");
    assertThat(pagerDuty.bodies.get(1).path("routing_key").asText()).isEqualTo(TEAM_A_KEY);
    assertThat(pagerDuty.bodies.get(1).path("dedup_key").asText()).isEqualTo(incident.signature().value());
  }

  private void start() throws IOException {
    Path routes = data.resolve("routes.yaml");
    Files.writeString(routes, """
        routes:
          - name: team-a
            match: {owner: team-a}
            slack: {channel: "#team-a-oncall", mentions: [S0TEAMA01]}
            pagerduty: {routingKey: "%s"}
            jira: {project: TEAMA, component: Team A pipelines}
        default:
          slack: {channel: "#data-alerts"}
        """.formatted(TEAM_A_KEY), StandardCharsets.UTF_8);
    Map<String, String> settings = new HashMap<>(Vendors.settings(Vendors.jira(jira), Vendors.slack(slack), Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000",
        "RCA_ROUTES_FILE", routes.toString(),
        "PAGERDUTY_ROUTING_KEY", DEFAULT_KEY,
        "PAGERDUTY_EVENTS_URL", pagerDuty.uri() + "/v2/enqueue")));
    // With the dashboard and its API, through which an operator resolves the incident.
    service = E2eService.start(data, settings, Optional.empty(), UnaryOperator.identity(), RetryPolicy.defaults(),
        true);
  }
}
