package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * Tickets and alerts through the whole service (issue 8): Jira and Slack stubs behind ITSM_TOOL=jira and the Slack
 * settings, one ticket and one message per incident, a comment and an update per recurrence, vendors that fail
 * for a while before the inbox's retry gets through; then what follows the ticket (issue 5): an automatic repair
 * noted on it and followed until its run ends, and a person resolving the incident through the API.
 */
class TicketsAndAlertsEndToEndTest {

  /** Set to true to rewrite docs/examples/e2e-*.json from this run. */
  private static final String UPDATE_EXAMPLES = "rca.examples.update";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR = "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table "
      + "or view `prod`.`sales`.`customers` cannot be found. SQLSTATE: 42P01";
  private static final String CREATE = "/rest/api/3/issue";
  private static final String TABLE_NOT_FOUND_OUTPUT = "runs-get-output-notebook-table-not-found.json";
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

  private void startService() {
    startService(Map.of());
  }

  /** Starts the service on the Jira and Slack stubs, with the dashboard's API and a follower that looks every second. */
  private void startService(Map<String, String> more) {
    startService(more, RetryPolicy.defaults());
  }

  private void startService(Map<String, String> more, RetryPolicy retry) {
    service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Vendors.slack(slack),
        Map.of("RCA_DASHBOARD_URL", "https://rca.acme.example", "RCA_REMEDIATION_POLL", "1s"), more),
        Optional.empty(), UnaryOperator.identity(), retry, true);
  }

  private Map<String, String> withDatabricks(Map<String, String> more) {
    return Vendors.settings(Map.of("DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000"), more);
  }

  // The stubs' loopback addresses become the sites they stand for, so that the examples do not change every run.
  private void writeExample(String name, JsonNode json) throws IOException {
    Path examples = Path.of("..", "docs", "examples");
    Files.createDirectories(examples);
    String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        .replace(jira.uri().toString(), "https://acme.atlassian.net");
    Files.writeString(examples.resolve(name), text + "\n");
  }

  @Test
  void should_open_one_ticket_and_post_one_message_then_comment_and_update_when_the_signature_fails_again()
      throws IOException {
    // Two runs of the same job failing the same way, read from the workspace so that the ticket and the message
    // show what a real one does: the failed task, the run page, the verbatim error.
    String firstRun = fixture("runs-get-multitask-failed.json");
    databricks.run("455644833", firstRun).output("455644902", fixture(TABLE_NOT_FOUND_OUTPUT))
        .run("455655833", firstRun.replace("4556448", "4556558").replace("4556449", "4556559"))
        .output("455655902", fixture(TABLE_NOT_FOUND_OUTPUT));
    startService(withDatabricks(Map.of()));

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident first = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(20)).get(0);
    service.post("/webhooks/databricks", fixture("webhook-job-failure.json").replace("455644833", "455655833"));
    Incident again = service.awaitIncidents(list -> list.size() == 1 && list.get(0).occurrences() == 2
        && service.audit(list.get(0)).stream().map(AuditEntry::action).filter(a -> a == AuditAction.TICKET_UPDATED
            || a == AuditAction.NOTIFICATION_UPDATED).count() == 2, Duration.ofSeconds(20)).get(0);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(jira.seen("POST", CREATE)).hasSize(1);
    assertThat(jira.issueCount()).isEqualTo(1);
    String key = first.ticket().orElseThrow().key();
    assertThat(key).isEqualTo(Vendors.JIRA_PROJECT + "-1");
    assertThat(jira.issue(key).comments).hasSize(1);
    assertThat(topLevelPosts()).hasSize(1);
    assertThat(slack.seen("chat.update")).hasSize(1);
    assertThat(slack.seen("chat.update").get(0).form()).containsEntry("ts",
        first.notification().orElseThrow().messageId());

    JsonNode description = jira.seen("POST", CREATE).get(0).json().path("fields").path("description");
    JsonNode blocks = JSON.readTree(topLevelPosts().get(0).form().get("blocks"));
    assertThat(description.toString()).contains("`hive_metastore`.`inventory_database`.`tables`", "transform");
    assertThat(blocks.toString()).contains("`hive_metastore`.`inventory_database`.`tables`", key);
    if (Boolean.getBoolean(UPDATE_EXAMPLES)) {
      writeExample("e2e-jira-description.json", description);
      writeExample("e2e-slack-blocks.json", blocks);
    }
  }

  @Test
  void should_comment_once_on_the_ticket_when_a_recurrence_is_retried_because_its_message_update_failed() {
    String firstRun = fixture("runs-get-multitask-failed.json");
    databricks.run("455644833", firstRun).output("455644902", fixture(TABLE_NOT_FOUND_OUTPUT))
        .run("455655833", firstRun.replace("4556448", "4556558").replace("4556449", "4556559"))
        .output("455655902", fixture(TABLE_NOT_FOUND_OUTPUT));
    startService(withDatabricks(Map.of()), new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(400)));
    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident first = service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent(),
        Duration.ofSeconds(20)).get(0);
    SlackStub.Answer unavailable = SlackStub.Answer.json(503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
    slack.script("chat.update", unavailable, unavailable, unavailable, unavailable);

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json").replace("455644833", "455655833"));
    service.awaitIncidents(list -> service.audit(list.get(0)).stream()
        .anyMatch(entry -> entry.action() == AuditAction.NOTIFICATION_UPDATED), Duration.ofSeconds(30));

    // The recurrence's delivery ran the pipeline five times (four failed message updates, then one that worked);
    // the ticket's comment, done on the first try, was not repeated.
    assertThat(slack.seen("chat.update")).hasSize(5);
    assertThat(jira.issue(first.ticket().orElseThrow().key()).comments).hasSize(1);
  }

  @Test
  void should_open_exactly_one_ticket_when_jira_answers_503_five_times_before_it_recovers() {
    JiraStub.Answer unavailable = JiraStub.Answer.json(503,
        "{\"errorMessages\":[\"Service Unavailable\"],\"errors\":{}}");
    jira.script("POST", CREATE, unavailable, unavailable, unavailable, unavailable, unavailable);
    startService();

    service.post("/webhooks/databricks", Vendors.legacyWebhook(603, "etl_customers", ERROR));

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(30)).get(0);
    assertThat(jira.seen("POST", CREATE)).hasSize(6);
    assertThat(jira.issueCount()).isEqualTo(1);
    assertThat(incident.ticket().orElseThrow().key()).isEqualTo(Vendors.JIRA_PROJECT + "-1");
    assertThat(service.audit(incident)).extracting(AuditEntry::action)
        .containsOnlyOnce(AuditAction.TICKET_CREATED).contains(AuditAction.TICKET_FAILED);
    // The message went out on the first attempt and is not repeated by the retries that fetched the ticket.
    assertThat(topLevelPosts()).hasSize(1);
  }

  @Test
  void should_deliver_the_message_after_the_retry_after_delay_when_slack_answers_429() {
    slack.script("chat.postMessage", new SlackStub.Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}",
        Map.of("Content-Type", "application/json; charset=utf-8", "Retry-After", "1")));
    startService();

    service.post("/webhooks/databricks", Vendors.legacyWebhook(604, "etl_customers", ERROR));

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent(),
        Duration.ofSeconds(30)).get(0);
    List<SlackStub.Seen> posts = topLevelPosts();
    assertThat(posts).hasSize(2);
    assertThat(Duration.ofNanos(posts.get(1).atNanos() - posts.get(0).atNanos()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(jira.issueCount()).isEqualTo(1);
    assertThat(service.audit(incident)).extracting(AuditEntry::action)
        .contains(AuditAction.NOTIFICATION_FAILED).containsOnlyOnce(AuditAction.NOTIFIED, AuditAction.TICKET_CREATED);
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
    startService(withDatabricks(Map.of("RCA_REMEDIATION_MODE", "auto")));

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

    assertThat(service.wiring().remediationLog().remediations(resolved.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.EXECUTED, RemediationStatus.RUN_SUCCEEDED);
    assertThat(jiraNotes(key).get(1)).contains("ended well: repair " + REPAIR + " of run " + RUN
        + ": TERMINATED SUCCESS");
    assertThat(jiraNotes(key).get(2)).contains("Resolved in the RCA Assistant by remediation-follower");
    // The successful repair resolved the incident, which finished its Jira issue with that note.
    assertThat(jira.issue(key).statusCategory).isEqualTo("done");
    assertThat(service.audit(resolved)).extracting(AuditEntry::action)
        .contains(AuditAction.REMEDIATION_RUN_SUCCEEDED, AuditAction.INCIDENT_RESOLVED);
    assertThat(lastUpdate().form()).containsEntry("ts", incident.notification().orElseThrow().messageId());
    assertThat(lastUpdate().form().get("blocks")).contains("Resolved: ", "Resolved by remediation-follower");
    assertThat(slack.seen("chat.postMessage")).hasSize(1);
    if (Boolean.getBoolean(UPDATE_EXAMPLES)) {
      writeExample("e2e-jira-remediation-notes.json", JSON.valueToTree(jira.issue(key).comments));
      writeExample("e2e-slack-blocks-resolved.json", JSON.readTree(lastUpdate().form().get("blocks")));
    }
  }

  @Test
  void should_note_a_repair_that_fails_again_and_keep_the_incident_open() throws IOException {
    databricks.run(RUN, fixture("runs-get-multitask-failed.json")).output(FAILED_TASK_RUN, timeoutOutput());
    startService(withDatabricks(Map.of("RCA_REMEDIATION_MODE", "auto")));
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
    startService(withDatabricks(Map.of()));
    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(20)).get(0);
    String key = incident.ticket().orElseThrow().key();

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            service.uri("/api/incidents/" + incident.id().value() + "/resolve"))
        .header("X-API-Key", E2eService.OPERATOR_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"the missing table was restored\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("changed").asBoolean()).isTrue();
    assertThat(body.path("incident").path("status").asText()).isEqualTo("RESOLVED");
    assertThat(body.path("problems")).isEmpty();
    assertThat(jiraNotes(key)).singleElement().asString()
        .contains("Resolved in the RCA Assistant by operator-key: the missing table was restored");
    assertThat(jira.issue(key).statusCategory).isEqualTo("done");
    // The answer comes once the message is redrawn: the use case runs on the request's thread.
    assertThat(slack.seen("chat.update")).singleElement().satisfies(update -> {
      assertThat(update.form()).containsEntry("ts", incident.notification().orElseThrow().messageId());
      assertThat(update.form().get("blocks")).contains("Resolved: ", "Resolved by operator-key");
    });

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json").replace(RUN, "455655833"));
    List<Incident> both = service.awaitIncidents(list -> list.size() == 2 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20));

    assertThat(both.get(0).id()).isNotEqualTo(incident.id());
    assertThat(both.get(0).status()).isEqualTo(IncidentStatus.OPEN);
    // Resolving finished the Jira issue; the returning failure reopens it (JIRA_REOPEN), rather than opening another.
    assertThat(both.get(0).ticket().orElseThrow().key()).isEqualTo(key);
    assertThat(jira.issueCount()).isEqualTo(1);
    assertThat(jira.issue(key).statusCategory).isEqualTo("new");
  }

  /** The alerts themselves, not the replies in their threads. */
  private List<SlackStub.Seen> topLevelPosts() {
    return slack.seen("chat.postMessage").stream().filter(s -> !s.form().containsKey("thread_ts")).toList();
  }
}
