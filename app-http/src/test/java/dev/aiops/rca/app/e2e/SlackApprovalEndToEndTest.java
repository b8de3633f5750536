package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.adapter.web.slack.SlackInteractionRoutes;
import dev.aiops.rca.adapter.web.slack.SlackSignature;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.Secret;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approving a suggested repair from Slack, end to end: a Databricks failure the policy suggests repairing, its card
 * on the Slack stub with Approve and Decline buttons, and presses signed as Slack signs them, through the service as
 * {@code serve} builds it; the repair reaches the Databricks stub once, and the card is redrawn with the outcome.
 */
class SlackApprovalEndToEndTest {

  private static final String RUN = "455644833";
  private static final String SIGNING_SECRET = "e2e-slack-signing-secret-0123456789";
  private static final String APPROVER = "U0APPROVER";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final SlackStub slack = new SlackStub();
  private final HttpClient http = HttpClient.newHttpClient();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
    slack.close();
  }

  @Test
  void should_run_the_repair_once_and_redraw_the_card_when_an_approver_presses_approve_in_slack() throws Exception {
    Incident incident = suggestedRepair();
    String value = incident.id() + "/REPAIR_FAILED_TASKS/DATABRICKS:" + RUN;
    assertThat(lastCard()).contains("\"action_id\":\"rca_approve\"", "\"action_id\":\"rca_decline\"",
        "\"value\":\"" + value + "\"", "Remediation suggested");

    // Forged, and then pressed by someone who is not an approver (by id, nor by the address Slack shows): nothing
    // runs.
    slack.script("users.info", SlackStub.Answer.json(200, "{\"ok\":true,\"user\":{\"id\":\"U0STRANGER\","
        + "\"name\":\"alice\",\"profile\":{\"email\":\"stranger@acme.example\"}}}"));
    String stranger = press("U0STRANGER", "rca_approve", value, "t-1");
    assertThat(post(stranger, now(), "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
    assertThat(signedPost(stranger).statusCode()).isEqualTo(200);
    await(() -> actions(incident).contains(AuditAction.REMEDIATION_DECISION_REFUSED), "the refusal audited");
    assertThat(service.audit(incident)).filteredOn(e -> e.action() == AuditAction.REMEDIATION_DECISION_REFUSED)
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("not among RCA_APPROVERS"));
    assertThat(slack.seen("users.info")).singleElement()
        .satisfies(seen -> assertThat(seen.form()).containsEntry("user", "U0STRANGER"));
    assertThat(databricks.seen("/api/2.2/jobs/runs/repair")).isEmpty();
    await(() -> !slack.seen("actions/T0TEAM/1/reply").isEmpty(), "the stranger told why");

    // An approver presses Approve; the very same request is then replayed.
    String approve = press(APPROVER, "rca_approve", value, "t-2");
    long at = now();
    String signature = SlackSignature.sign(new Secret(SIGNING_SECRET), Long.toString(at),
        approve.getBytes(StandardCharsets.UTF_8));
    assertThat(post(approve, at, signature).statusCode()).isEqualTo(200);
    await(() -> databricks.seen("/api/2.2/jobs/runs/repair").size() == 1, "the repair requested");
    assertThat(post(approve, at, signature).statusCode()).isEqualTo(200);

    await(() -> lastCard().contains("Remediation executed"), "the card redrawn with the outcome");
    assertThat(lastCard()).doesNotContain("rca_approve", "rca_decline");
    assertThat(service.audit(incident)).filteredOn(e -> e.action() == AuditAction.REMEDIATION_APPROVED)
        .singleElement().extracting(AuditEntry::actor).isEqualTo("slack:U0APPROVER (alice)");
    assertThat(service.wiring().remediationLog().remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.EXECUTED);
    Thread.sleep(300); // the replay, had it been acted on, would have been by now
    assertThat(databricks.seen("/api/2.2/jobs/runs/repair")).hasSize(1);
  }

  @Test
  void should_record_the_decline_and_redraw_the_card_when_an_approver_presses_decline_in_slack() throws Exception {
    Incident incident = suggestedRepair();

    assertThat(signedPost(press(APPROVER, "rca_decline", incident.id() + "/REPAIR_FAILED_TASKS/DATABRICKS:" + RUN,
        "t-3")).statusCode()).isEqualTo(200);

    await(() -> lastCard().contains("Remediation rejected"), "the card redrawn with the decline");
    assertThat(lastCard()).contains("declined by slack:U0APPROVER (alice)").doesNotContain("rca_approve");
    assertThat(databricks.seen("/api/2.2/jobs/runs/repair")).isEmpty();
  }

  /** A refused connection, which the policy suggests repairing: its incident once its card shows the suggestion. */
  private Incident suggestedRepair() throws Exception {
    ObjectNode output = (ObjectNode) JSON.readTree(fixture("runs-get-output-notebook-table-not-found.json"));
    output.put("error", "java.net.ConnectException: Connection refused (Connection refused)");
    output.put("error_trace", "java.net.ConnectException: Connection refused (Connection refused)");
    databricks.run(RUN, fixture("runs-get-multitask-failed.json")).output("455644902", output.toString());
    service = E2eService.start(data, Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000",
        "RCA_REMEDIATION_MODE", "suggest",
        "SLACK_BOT_TOKEN", "xoxb-e2e-slack-token-0123456789",
        "SLACK_ALERT_CHANNEL", "#rca-alerts",
        "SLACK_API_URL", slack.uri().toString(),
        "SLACK_SIGNING_SECRET", SIGNING_SECRET,
        "RCA_APPROVERS", APPROVER + ",oncall@acme.example"));
    assertThat(service.post("/webhooks/databricks", fixture("webhook-job-failure.json")).statusCode())
        .isEqualTo(202);
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent(),
        Duration.ofSeconds(20)).get(0);
    await(() -> service.wiring().inbox().counts().get(DeliveryStatus.DONE) == 1, "the delivery done");
    await(() -> lastCard().contains("rca_approve"), "the card showing the buttons");
    return incident;
  }

  /** The blocks Slack was last given for the incident's card, posted or updated. */
  private String lastCard() {
    List<SlackStub.Seen> cards = slack.seen().stream()
        .filter(s -> s.method().equals("chat.postMessage") || s.method().equals("chat.update"))
        .filter(s -> s.form().containsKey("blocks")).toList();
    return cards.isEmpty() ? "" : cards.get(cards.size() - 1).form().get("blocks");
  }

  private List<AuditAction> actions(Incident incident) {
    return service.audit(incident).stream().map(AuditEntry::action).toList();
  }

  private String press(String user, String actionId, String value, String trigger) {
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", trigger)
        .put("response_url", slack.uri().resolve("actions/T0TEAM/1/reply").toString());
    payload.putObject("user").put("id", user).put("username", "alice").put("name", "alice").put("team_id", "T0TEAM");
    payload.putObject("container").put("message_ts", "1700000000.000101").put("channel_id", SlackStub.CHANNEL_ID);
    payload.putObject("channel").put("id", SlackStub.CHANNEL_ID);
    payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "rca-remediation")
        .put("value", value).put("type", "button");
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private HttpResponse<String> signedPost(String body) throws Exception {
    long at = now();
    return post(body, at, SlackSignature.sign(new Secret(SIGNING_SECRET), Long.toString(at),
        body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> post(String body, long timestamp, String signature) throws Exception {
    return http.send(HttpRequest.newBuilder(service.uri(SlackInteractionRoutes.PATH.substring(1)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not seen within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
