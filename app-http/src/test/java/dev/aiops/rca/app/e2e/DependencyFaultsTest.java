package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.adf.AdfStub;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.gemini.LlmStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RetryPolicy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each outside system fails for a while and then recovers: every accepted webhook still ends with exactly one ticket
 * and one message, nothing is left pending or dead in the inbox, and the audit trail or the inbox shows the retries.
 */
@Timeout(60)
class DependencyFaultsTest {

  /** The inbox retries after 200 ms rather than 2 s, so that a recovery is seen within the test's time. */
  static final RetryPolicy FAST_INBOX = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(2));
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @TempDir
  Path data;

  private final Dependencies deps = new Dependencies();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    deps.close();
  }

  private E2eService start(Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(deps.settings());
    settings.putAll(more);
    service = E2eService.start(data, settings, Optional.empty(), Dependencies::fastRetries, FAST_INBOX, false);
    return service;
  }

  @Test
  void should_file_the_full_analysis_once_when_databricks_times_out_then_recovers() {
    String page = DatabricksStub.fixture("runs-get-multitask-failed.json");
    DatabricksStub.Answer slow = new DatabricksStub.Answer(200, page, Map.of("Content-Type", "application/json"),
        Duration.ofMillis(1_500));
    deps.databricks.script("/api/2.2/jobs/runs/get", slow, slow);
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(deps.databricks.seen("/api/2.2/jobs/runs/get")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(incident.analysis().flags()).doesNotContain(AnalysisFlag.DEGRADED_SOURCE);
    assertThat(incident.analysis().category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
    assertExactlyOnce(incident);
  }

  @Test
  void should_file_the_full_analysis_once_when_databricks_answers_503_and_429_then_recovers() {
    deps.databricks.script("/api/2.2/jobs/runs/get",
        DatabricksStub.Answer.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"try later\"}"),
        new DatabricksStub.Answer(429, DatabricksStub.fixture("error-429-request-limit-exceeded.json"),
            Map.of("Content-Type", "application/json", "Retry-After", "1"), Duration.ZERO));
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(deps.databricks.seen("/api/2.2/jobs/runs/get")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(incident.analysis().flags()).doesNotContain(AnalysisFlag.DEGRADED_SOURCE);
    assertExactlyOnce(incident);
  }

  @Test
  void should_file_one_degraded_incident_and_audit_it_when_databricks_is_down_longer_than_its_retries() {
    DatabricksStub.Answer down = DatabricksStub.Answer.json(503,
        "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"try later\"}");
    deps.databricks.script("/api/2.2/jobs/runs/get", down, down, down, down);
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(runAudit(incident)).contains(AuditAction.SOURCE_UNAVAILABLE);
    assertThat(incident.analysis().flags()).contains(AnalysisFlag.DEGRADED_SOURCE);
    assertExactlyOnce(incident);
  }

  @Test
  void should_file_the_full_analysis_once_when_arm_answers_503_then_recovers() {
    try (AdfStub arm = new AdfStub()) {
      String runId = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01";
      arm.pipelineRun(runId, AdfStub.fixture("pipelinerun-get-failed.json"))
          .activityRuns(runId, AdfStub.fixture("activityruns-query-failed-copy.json"));
      AdfStub.Answer unavailable = AdfStub.Answer.json(503,
          "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The service is unavailable.\"}}");
      arm.script(AdfStub.FACTORY + "/pipelineruns/" + runId, unavailable, unavailable);
      start(Map.of("AZURE_SUBSCRIPTION_ID", AdfStub.SUBSCRIPTION, "ADF_RESOURCE_GROUP", "rg-data-prod",
          "ADF_FACTORY_NAME", "adf-sales-prod", "AZURE_TENANT_ID", AdfStub.TENANT, "AZURE_CLIENT_ID", "sp-client-id",
          "AZURE_CLIENT_SECRET", "sp-client-secret-value", "AZURE_AUTHORITY_HOST", arm.uri().toString(),
          "AZURE_MANAGEMENT_URL", arm.uri().toString()));

      Incident incident = acceptAndSettle("/webhooks/adf",
          AdfStub.fixture("web-activity-failure-body-rendered.json"));

      assertThat(arm.seen(AdfStub.FACTORY + "/pipelineruns/" + runId)).hasSizeGreaterThanOrEqualTo(3);
      assertThat(incident.analysis().flags()).doesNotContain(AnalysisFlag.DEGRADED_SOURCE);
      assertExactlyOnce(incident);
    }
  }

  @Test
  void should_use_the_model_once_it_recovers_when_it_answers_503_for_a_while() {
    LlmStub.Answer overloaded = LlmStub.Answer.json(503,
        "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}");
    deps.model.script(overloaded, overloaded);
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(deps.model.seen()).hasSize(3);
    assertThat(incident.analysis().flags()).doesNotContain(AnalysisFlag.MODEL_FALLBACK);
    assertExactlyOnce(incident);
  }

  @Test
  void should_keep_the_rules_analysis_and_audit_it_when_the_model_is_down_longer_than_its_retries() {
    LlmStub.Answer overloaded = LlmStub.Answer.json(503,
        "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}");
    deps.model.script(overloaded, overloaded, overloaded, overloaded, overloaded);
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(runAudit(incident)).contains(AuditAction.MODEL_FALLBACK);
    assertThat(incident.analysis().category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
    assertExactlyOnce(incident);
  }

  @Test
  void should_open_exactly_one_issue_when_jira_answers_503_longer_than_its_retries() {
    JiraStub.Answer unavailable = JiraStub.Answer.json(503, "{\"errorMessages\":[\"Service Unavailable\"]}");
    deps.jira.script("POST", "/rest/api/3/issue", unavailable, unavailable, unavailable, unavailable);
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(service.audit(incident)).extracting(AuditEntry::action).contains(AuditAction.TICKET_FAILED);
    assertThat(delivery().attempts()).isGreaterThan(1);
    assertExactlyOnce(incident);
  }

  @Test
  void should_post_exactly_one_message_when_slack_answers_429_and_500_for_a_while() {
    deps.slack.script("chat.postMessage",
        new SlackStub.Answer(429, "{\"ok\":false,\"error\":\"ratelimited\"}",
            Map.of("Content-Type", "application/json", "Retry-After", "1")),
        SlackStub.Answer.json(500, "{\"ok\":false,\"error\":\"internal_error\"}"),
        SlackStub.Answer.json(503, "<html>Service Unavailable</html>"));
    start(Map.of());

    Incident incident = acceptAndSettle("/webhooks/databricks", Dependencies.WEBHOOK);

    assertThat(service.audit(incident)).extracting(AuditEntry::action).contains(AuditAction.NOTIFICATION_FAILED);
    assertThat(delivery().attempts()).isGreaterThan(1);
    // Three refusals, then the one message that was posted; each retry of the delivery left the ticket alone.
    assertThat(deps.messagesPosted()).isEqualTo(4);
    assertExactlyOnce(incident);
  }

  private Incident acceptAndSettle(String path, String body) {
    HttpResponse<String> answer = service.post(path, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    assertThat(answer.body()).contains("accepted");
    return settle();
  }

  /** Waits until the one incident has its ticket and its message and the inbox has nothing left to do. */
  private Incident settle() {
    Instant deadline = Instant.now().plus(SETTLE);
    while (true) {
      List<Incident> incidents = service.incidents();
      Map<DeliveryStatus, Long> counts = service.wiring().inbox().counts();
      boolean done = incidents.size() == 1 && incidents.get(0).ticket().isPresent()
          && incidents.get(0).notification().isPresent() && counts.get(DeliveryStatus.PENDING) == 0;
      if (done) {
        return incidents.get(0);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not settled within " + SETTLE + ": incidents " + incidents + ", inbox " + counts
            + " " + service.wiring().inbox().list(Optional.empty(), 10));
      }
      pause();
    }
  }

  private void assertExactlyOnce(Incident incident) {
    Map<DeliveryStatus, Long> counts = service.wiring().inbox().counts();
    assertThat(counts.get(DeliveryStatus.PENDING)).isZero();
    assertThat(counts.get(DeliveryStatus.DEAD)).isZero();
    assertThat(counts.get(DeliveryStatus.DONE)).isEqualTo(1);
    assertThat(service.incidents()).hasSize(1);
    assertThat(incident.ticket()).isPresent();
    assertThat(incident.notification()).isPresent();
    assertThat(service.audit(incident)).extracting(AuditEntry::action)
        .containsOnlyOnce(AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
    if (incident.ticket().get().system().equals("jira")) {
      assertThat(deps.jira.issueCount()).isEqualTo(1);
    }
  }

  private DeliveryEntry delivery() {
    return service.wiring().inbox().list(Optional.of(DeliveryStatus.DONE), 10).get(0);
  }

  private List<AuditAction> runAudit(Incident incident) {
    return service.wiring().audit().auditTrail(incident.firstRun()).stream().map(AuditEntry::action).toList();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
