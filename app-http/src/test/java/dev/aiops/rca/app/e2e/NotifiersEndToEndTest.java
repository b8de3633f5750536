package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.http.LoopbackStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PagerDuty and Teams configured together, PagerDuty primary: a failure pages once and posts one card; when its run
 * recovers, the recovery watch resolves the incident, which resolves the PagerDuty alert and posts Teams' resolved
 * card, whose message reference is read back from the stored effect.
 */
class NotifiersEndToEndTest {

  /** Records each JSON body and answers as the vendor does: PagerDuty 202 success, a Teams incoming webhook 1. */
  static final class Receiver extends LoopbackStub {
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final int status;
    private final String answer;

    Receiver(int status, String answer) {
      this.status = status;
      this.answer = answer;
    }

    @Override
    protected Reply answer(Request request) {
      bodies.add(readJson(request.body()));
      return new Reply() {
        @Override
        public int status() {
          return status;
        }

        @Override
        public String body() {
          return answer;
        }

        @Override
        public Map<String, String> headers() {
          return Map.of("Content-Type", "application/json");
        }
      };
    }
  }

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
  private final Receiver pagerDuty = new Receiver(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
  private final Receiver teams = new Receiver(200, "1");
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
    jira.close();
    pagerDuty.close();
    teams.close();
  }

  @Test
  void should_page_once_and_resolve_the_alert_and_post_the_resolved_card_when_the_run_recovers() {
    databricks.run(RetriedRun.RUN, RetriedRun.failedAgain())
        .output(RetriedRun.SECOND_ATTEMPT, fixture("runs-get-output-notebook-table-not-found.json"));
    Map<String, String> settings = new HashMap<>(Vendors.settings(Vendors.jira(jira), Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000")));
    settings.put("RCA_NOTIFIERS", "pagerduty,teams");
    settings.put("PAGERDUTY_ROUTING_KEY", "R0123456789abcdef0123456789ABCDE");
    settings.put("PAGERDUTY_EVENTS_URL", pagerDuty.uri() + "/v2/enqueue");
    settings.put("PAGERDUTY_MIN_PRIORITY", "P3"); // an unrouted incident is P3
    settings.put("TEAMS_WEBHOOK_URL", teams.uri() + "/webhookb2/e2e/IncomingWebhook/abc/def");
    service = E2eService.start(data, settings);
    service.post("/webhooks/databricks", RetriedRun.WEBHOOK);
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent(),
        Duration.ofSeconds(20)).get(0);
    service.awaitSettled(Duration.ofSeconds(20));

    databricks.run(RetriedRun.RUN, RetriedRun.succeeded());
    assertThat(service.wiring().recoveryWatch().round()).containsExactly(incident.id());

    assertThat(service.wiring().incidents().find(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.RESOLVED);
    assertThat(pagerDuty.bodies).extracting(body -> body.path("event_action").asText())
        .containsExactly("trigger", "resolve");
    assertThat(pagerDuty.bodies).extracting(body -> body.path("dedup_key").asText()).containsOnly(
        incident.signature().value());
    assertThat(teams.bodies).extracting(body -> body.path("attachments").path(0).path("content").path("body")
        .path(0).path("items").path(0).path("text").asText())
        .hasSize(2).last().asString().startsWith("Resolved: ");
  }
}
