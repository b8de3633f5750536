package dev.aiops.rca.adapter.web.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.web.HttpDeadlines;
import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /slack/interactions} on the real server, deciding through the real use case over the in-memory store:
 * what runs, what is refused, and what the audit trail keeps.
 */
class SlackInteractionRoutesTest {

  private static final Secret SECRET = new Secret("test-signing-secret");
  private static final String APPROVER = "U0APPROVER";

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  private final DecideRemediationService decide = new DecideRemediationService(incidents, incidents, incidents,
      Map.of(Source.DATABRICKS, executor), new RemediationPolicy(new RemediationSettings(
          RemediationSettings.Mode.SUGGEST, EnumSet.allOf(RemediationAction.class),
          EnumSet.of(Category.UPSTREAM_DEPENDENCY), 3)), new RecordingIncidentEvents(), clock);
  private final ResponseUrlStub responseUrl = new ResponseUrlStub();
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private RcaHttpServer server;
  private int triggers;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    responseUrl.close();
  }

  private void start(SlackApprovers approvers, SlackEmails emails) {
    QueryIncidentsService query = new QueryIncidentsService(incidents, incidents, incidents);
    SlackInteractionRoutes routes = new SlackInteractionRoutes(new SlackInteractionSettings(SECRET, approvers),
        emails, query, decide, decide, clock, Runnable::run, new SlackReplies(), Optional.empty());
    server = new RcaHttpServer("127.0.0.1", 0, query, Optional.empty(), WebhookGuard.OPEN, Optional.empty(),
        HttpOperations.standalone(), HttpDeadlines.STANDARD, Optional.of(routes)).start();
  }

  private void start() {
    start(new SlackApprovers(Set.of(APPROVER), Set.of()), SlackEmails.NONE);
  }

  private Incident suggested() {
    Incident incident = incidents.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "7"), Samples.signature('a'),
        "etl_orders", Samples.T0, Samples.analysis(Category.UPSTREAM_DEPENDENCY, "TEMPORARILY_UNAVAILABLE")))
        .incident();
    incidents.record(new RemediationOutcome(new RemediationPlan(incident.id(), RemediationAction.REPAIR_FAILED_TASKS,
        incident.firstRun(), List.of(), "transient"), RemediationStatus.SUGGESTED, "repair run 7", Samples.T0,
        Optional.empty()));
    return incident;
  }

  /** A form body as Slack sends for a press of {@code actionId} by {@code user}, with a fresh trigger id. */
  private String press(String user, String actionId, String value) {
    ObjectNode payload = json.createObjectNode().put("type", "block_actions")
        .put("trigger_id", "trigger-" + (++triggers)).put("response_url", responseUrl.url());
    payload.putObject("user").put("id", user).put("username", "alice").put("name", "alice").put("team_id", "T0TEAM");
    payload.putObject("container").put("message_ts", "1700000000.000100").put("channel_id", "C0123ABCD");
    payload.putObject("channel").put("id", "C0123ABCD");
    payload.putArray("actions").addObject().put("action_id", actionId).put("block_id", "rca-remediation-x")
        .put("value", value).put("type", "button").put("action_ts", "1700000001.000200");
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  private static String value(Incident incident) {
    return incident.id() + "/REPAIR_FAILED_TASKS/" + incident.firstRun();
  }

  private HttpResponse<String> post(String body, long timestamp, String signature) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + SlackInteractionRoutes.PATH))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signed(String body) throws Exception {
    long now = clock.instant().getEpochSecond();
    return post(body, now, SlackSignature.sign(SECRET, Long.toString(now), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void should_run_the_approval_once_and_audit_the_slack_user_when_an_approver_presses_approve() throws Exception {
    start();
    Incident incident = suggested();

    HttpResponse<String> response = signed(press(APPROVER, SlackPress.APPROVE, value(incident)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(executor.executed()).singleElement().satisfies(plan ->
        assertThat(plan.target()).isEqualTo(incident.firstRun()));
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(tuple("slack:U0APPROVER (alice)", AuditAction.REMEDIATION_APPROVED),
            tuple("slack:U0APPROVER (alice)", AuditAction.REMEDIATION_EXECUTED));
    assertThat(responseUrl.replies()).isEmpty();
  }

  @Test
  void should_answer_401_and_run_nothing_when_the_signature_is_wrong() throws Exception {
    start();
    Incident incident = suggested();
    String body = press(APPROVER, SlackPress.APPROVE, value(incident));
    long now = clock.instant().getEpochSecond();

    HttpResponse<String> forged = post(body, now, SlackSignature.sign(new Secret("guessed-secret"),
        Long.toString(now), body.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.port() + SlackInteractionRoutes.PATH)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("unauthorized", "does not match").doesNotContain("test-signing-secret");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(executor.executed()).isEmpty();
    assertThat(incidents.auditTrail(incident.id())).isEmpty();
  }

  @Test
  void should_answer_401_and_run_nothing_when_the_request_is_older_than_five_minutes() throws Exception {
    start();
    Incident incident = suggested();
    String body = press(APPROVER, SlackPress.APPROVE, value(incident));
    String old = Long.toString(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());

    HttpResponse<String> response = post(body, Long.parseLong(old),
        SlackSignature.sign(SECRET, old, body.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("more than 5 minutes");
    assertThat(executor.executed()).isEmpty();
  }

  @Test
  void should_not_run_again_when_the_same_request_or_the_same_press_is_replayed() throws Exception {
    start();
    Incident incident = suggested();
    String body = press(APPROVER, SlackPress.APPROVE, value(incident));
    long now = clock.instant().getEpochSecond();
    String signature = SlackSignature.sign(SECRET, Long.toString(now), body.getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> first = post(body, now, signature);
    HttpResponse<String> replayed = post(body, now, signature);
    clock.advance(Duration.ofSeconds(2));
    HttpResponse<String> resigned = signed(body); // same trigger id, a new timestamp and signature

    assertThat(List.of(first.statusCode(), replayed.statusCode(), resigned.statusCode())).containsOnly(200);
    assertThat(executor.executed()).hasSize(1);
    assertThat(incidents.auditTrail(incident.id())).filteredOn(e -> e.action() == AuditAction.REMEDIATION_APPROVED)
        .hasSize(1);
    // Not even looked at again: a replay acted on would have been told that nothing waits any more.
    assertThat(responseUrl.replies()).isEmpty();
  }

  @Test
  void should_tell_the_presser_and_run_nothing_when_the_suggestion_was_decided_already() throws Exception {
    start();
    Incident incident = suggested();
    signed(press(APPROVER, SlackPress.APPROVE, value(incident)));

    HttpResponse<String> again = signed(press(APPROVER, SlackPress.APPROVE, value(incident)));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(executor.executed()).hasSize(1);
    assertThat(responseUrl.replies()).singleElement().satisfies(reply -> assertThat(reply)
        .contains("\"response_type\":\"ephemeral\"", "\"replace_original\":false", "no longer waits"));
  }

  @Test
  void should_refuse_audit_and_tell_the_presser_when_they_are_not_an_approver() throws Exception {
    start();
    Incident incident = suggested();

    HttpResponse<String> response = signed(press("U0STRANGER", SlackPress.APPROVE, value(incident)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(executor.executed()).isEmpty();
    assertThat(incidents.remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED);
    assertThat(incidents.auditTrail(incident.id())).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("slack:U0STRANGER (alice)");
      assertThat(entry.action()).isEqualTo(AuditAction.REMEDIATION_DECISION_REFUSED);
      assertThat(entry.detail()).contains("not among RCA_APPROVERS");
    });
    assertThat(responseUrl.replies()).singleElement().satisfies(reply ->
        assertThat(reply).contains("ephemeral", "You may not approve remediations from Slack"));
  }

  @Test
  void should_refuse_everyone_when_nobody_is_listed() throws Exception {
    start(SlackApprovers.NOBODY, userId -> Optional.of("alice@acme.example"));
    Incident incident = suggested();

    signed(press(APPROVER, SlackPress.APPROVE, value(incident)));

    assertThat(executor.executed()).isEmpty();
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action)
        .containsExactly(AuditAction.REMEDIATION_DECISION_REFUSED);
  }

  @Test
  void should_record_the_decline_and_run_nothing_when_an_approver_presses_decline() throws Exception {
    start();
    Incident incident = suggested();

    signed(press(APPROVER, SlackPress.DECLINE, value(incident)));

    assertThat(executor.executed()).isEmpty();
    assertThat(incidents.remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.REJECTED);
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(tuple("slack:U0APPROVER (alice)", AuditAction.REMEDIATION_REJECTED));
  }

  @Test
  void should_take_an_approver_listed_by_e_mail_when_slack_shows_that_address() throws Exception {
    start(new SlackApprovers(Set.of(), Set.of("alice@acme.example")),
        userId -> userId.equals("U0EMAIL") ? Optional.of("alice@acme.example") : Optional.empty());
    Incident incident = suggested();

    signed(press("U0OTHER", SlackPress.APPROVE, value(incident)));
    signed(press("U0EMAIL", SlackPress.APPROVE, value(incident)));

    assertThat(executor.executed()).hasSize(1);
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::actor, AuditEntry::action)
        .startsWith(tuple("slack:U0OTHER (alice)", AuditAction.REMEDIATION_DECISION_REFUSED),
            tuple("slack:U0EMAIL (alice)", AuditAction.REMEDIATION_APPROVED));
  }

  @Test
  void should_run_nothing_when_the_button_names_another_run_than_the_suggestion_waiting() throws Exception {
    start();
    Incident incident = suggested();

    signed(press(APPROVER, SlackPress.APPROVE, incident.id() + "/REPAIR_FAILED_TASKS/DATABRICKS:6"));

    assertThat(executor.executed()).isEmpty();
    assertThat(responseUrl.replies()).singleElement().satisfies(reply -> assertThat(reply)
        .contains("DATABRICKS:6 no longer waits"));
  }

  @Test
  void should_answer_400_when_a_signed_body_is_not_an_interaction() throws Exception {
    start();

    HttpResponse<String> response = signed("text=hello");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("no payload");
  }

  @Test
  void should_answer_404_when_slack_interactions_are_not_configured() throws Exception {
    QueryIncidentsService query = new QueryIncidentsService(incidents, incidents, incidents);
    server = new RcaHttpServer("127.0.0.1", 0, query).start();

    HttpResponse<String> response = signed(press(APPROVER, SlackPress.APPROVE, "1/REPAIR_FAILED_TASKS/x"));

    assertThat(response.statusCode()).isEqualTo(404);
  }
}
