package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jdbc.InboxSettings;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the incident is filed: an automatic repair noted on the Jira ticket, followed until its run ends, which
 * resolves the incident; and a person resolving an incident through the API. Jira and Slack are told each time.
 */
class RemediationLifecycleEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = "455644833";
  private static final String FAILED_TASK_RUN = "455644902";
  /** The repair id that the recorded runs/repair answer gives. */
  private static final String REPAIR = "734650698524280";

  @TempDir
  Path data;

  private final JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
  private final SlackStub slack = new SlackStub();
  private final DatabricksStub databricks = new DatabricksStub();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    jira.close();
    slack.close();
    databricks.close();
  }

  private void startService(Map<String, String> more) {
    service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Vendors.slack(slack),
        Map.of("DATABRICKS_HOST", databricks.uri().toString(),
            "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000",
            "RCA_REMEDIATION_POLL", "1s"), more),
        Optional.empty(), UnaryOperator.identity(), InboxSettings.defaults(), true);
  }

  /** What a notebook prints when a call to an upstream service times out: a failure that a rerun often cures. */
  private static String timeoutOutput() throws IOException {
    ObjectNode output = (ObjectNode) JSON.readTree(fixture("runs-get-output-notebook-table-not-found.json"));
    output.put("error", "java.net.SocketTimeoutException: Read timed out");
    output.put("error_trace", "java.net.SocketTimeoutException: Read timed out\n"
        + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)");
    return output.toString();
  }

  /** The run as runs/get shows it once the repair is in its history, ended as {@code code} says. */
  private static String repaired(String code) {
    return fixture("runs-get-multitask-failed.json").replaceFirst("\\{", "{\"repair_history\":["
        + "{\"type\":\"ORIGINAL\",\"id\":1},{\"type\":\"REPAIR\",\"id\":" + REPAIR + ",\"status\":{\"state\":"
        + "\"TERMINATED\",\"termination_details\":{\"code\":\"" + code + "\",\"type\":\"SUCCESS\"}}}],");
  }

  private SlackStub.Seen lastUpdate() {
    List<SlackStub.Seen> updates = slack.seen("chat.update");
    return updates.isEmpty() ? new SlackStub.Seen("chat.update", Map.of(), Map.of("blocks", ""), 0)
        : updates.get(updates.size() - 1);
  }

  private List<String> jiraNotes(String key) {
    return jira.issue(key).comments.stream().map(JsonNode::toString).toList();
  }

  @Test
  void should_note_the_repair_follow_its_run_and_resolve_the_incident_when_the_repair_ends_well()
      throws IOException {
    databricks.run(RUN, fixture("runs-get-multitask-failed.json")).output(FAILED_TASK_RUN, timeoutOutput());
    startService(Map.of("RCA_REMEDIATION_MODE", "auto"));

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent()
        && service.audit(list.get(0)).stream().anyMatch(e -> e.action() == AuditAction.REMEDIATION_EXECUTED
            && service.audit(list.get(0)).stream().anyMatch(n -> n.action() == AuditAction.TICKET_UPDATED)),
        Duration.ofSeconds(20)).get(0);
    String key = incident.ticket().orElseThrow().key();

    assertThat(databricks.seen("/api/2.2/jobs/runs/repair")).hasSize(1);
    assertThat(jiraNotes(key)).singleElement().asString()
        .contains("Remediation REPAIR_FAILED_TASKS started (new run " + REPAIR + ")");
    assertThat(service.wiring().incidents().find(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.OPEN);

    databricks.run(RUN, repaired("SUCCESS"));
    // Resolving notes the ticket, then redraws the message: wait for both.
    Incident resolved = service.awaitIncidents(list -> list.get(0).status() == IncidentStatus.RESOLVED
        && jira.issue(key).comments.size() == 3 && lastUpdate().form().get("blocks").contains("Resolved: "),
        Duration.ofSeconds(20)).get(0);

    assertThat(service.wiring().incidents().remediations(resolved.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.EXECUTED, RemediationStatus.RUN_SUCCEEDED);
    assertThat(jiraNotes(key).get(1)).contains("ended well: repair " + REPAIR + " of run " + RUN
        + ": TERMINATED SUCCESS");
    assertThat(jiraNotes(key).get(2)).contains("Resolved in the RCA Assistant by remediation-follower");
    assertThat(service.audit(resolved)).extracting(AuditEntry::action)
        .contains(AuditAction.REMEDIATION_RUN_SUCCEEDED, AuditAction.INCIDENT_RESOLVED);
    assertThat(lastUpdate().form()).containsEntry("ts", incident.notification().orElseThrow().messageId());
    assertThat(lastUpdate().form().get("blocks")).contains("Resolved: ", "Resolved by remediation-follower");
    assertThat(slack.seen("chat.postMessage")).hasSize(1);
  }

  @Test
  void should_note_a_repair_that_fails_again_and_keep_the_incident_open() throws IOException {
    databricks.run(RUN, fixture("runs-get-multitask-failed.json")).output(FAILED_TASK_RUN, timeoutOutput());
    startService(Map.of("RCA_REMEDIATION_MODE", "auto"));
    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && service.audit(list.get(0)).stream()
        .anyMatch(e -> e.action() == AuditAction.REMEDIATION_EXECUTED), Duration.ofSeconds(20)).get(0);

    databricks.run(RUN, repaired("RUN_EXECUTION_ERROR"));
    service.awaitIncidents(list -> service.audit(list.get(0)).stream()
        .anyMatch(e -> e.action() == AuditAction.REMEDIATION_RUN_FAILED), Duration.ofSeconds(20));

    String key = incident.ticket().orElseThrow().key();
    assertThat(service.wiring().incidents().find(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.OPEN);
    assertThat(jiraNotes(key)).last().asString().contains("did not end well", "TERMINATED RUN_EXECUTION_ERROR",
        "The incident stays open");
  }

  @Test
  void should_resolve_through_the_api_tell_jira_and_slack_and_open_a_new_incident_when_the_failure_returns()
      throws Exception {
    String firstRun = fixture("runs-get-multitask-failed.json");
    databricks.run(RUN, firstRun).output(FAILED_TASK_RUN, fixture("runs-get-output-notebook-table-not-found.json"))
        .run("455655833", firstRun.replace("4556448", "4556558").replace("4556449", "4556559"))
        .output("455655902", fixture("runs-get-output-notebook-table-not-found.json"));
    startService(Map.of());
    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(20)).get(0);
    String key = incident.ticket().orElseThrow().key();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            service.uri("/api/incidents/" + incident.id().value() + "/resolve"))
        .header("X-API-Key", E2eService.KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"the missing table was restored\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("changed").asBoolean()).isTrue();
    assertThat(body.path("incident").path("status").asText()).isEqualTo("RESOLVED");
    assertThat(body.path("problems")).isEmpty();
    assertThat(jiraNotes(key)).singleElement().asString()
        .contains("Resolved in the RCA Assistant by api-key: the missing table was restored");
    // The answer comes once the message is redrawn: the use case runs on the request's thread.
    assertThat(slack.seen("chat.update")).singleElement().satisfies(update -> {
      assertThat(update.form()).containsEntry("ts", incident.notification().orElseThrow().messageId());
      assertThat(update.form().get("blocks")).contains("Resolved: ", "Resolved by api-key");
    });

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json").replace(RUN, "455655833"));
    List<Incident> both = service.awaitIncidents(list -> list.size() == 2 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20));

    assertThat(both.get(0).id()).isNotEqualTo(incident.id());
    assertThat(both.get(0).status()).isEqualTo(IncidentStatus.OPEN);
    // The Jira ticket is still open (people close it in Jira), so the new incident is tracked there, not twice.
    assertThat(both.get(0).ticket().orElseThrow().key()).isEqualTo(key);
    assertThat(jira.issueCount()).isEqualTo(1);
  }
}
