package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tickets and alerts through the whole service (issue 8): Jira and Slack stubs behind ITSM_TOOL=jira and the Slack
 * settings, one ticket and one message per incident, a comment and an update per recurrence, and vendors that fail
 * for a while before the inbox's retry gets through.
 */
class TicketsAndAlertsEndToEndTest {

  /** Set to true to rewrite docs/examples/e2e-*.json from this run. */
  private static final String UPDATE_EXAMPLES = "rca.examples.update";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR = "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table "
      + "or view `prod`.`sales`.`customers` cannot be found. SQLSTATE: 42P01";
  private static final String CREATE = "/rest/api/3/issue";
  private static final String TABLE_NOT_FOUND_OUTPUT = "runs-get-output-notebook-table-not-found.json";

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

  private void startService(Map<String, String> more) {
    service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Vendors.slack(slack),
        Map.of("RCA_DASHBOARD_URL", "https://rca.acme.example"), more));
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
    startService(Map.of("DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000"));

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

  /** The alerts themselves, not the replies in their threads. */
  private List<SlackStub.Seen> topLevelPosts() {
    return slack.seen("chat.postMessage").stream().filter(s -> !s.form().containsKey("thread_ts")).toList();
  }
}
