package dev.aiops.rca.adapter.servicenow;

import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.settings;
import static dev.aiops.rca.adapter.servicenow.ServiceNowIssueTrackerContractTest.tracker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.servicenow.ServiceNowStub.Answer;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the tracker sends ServiceNow, and the exceptions its answers become. */
class ServiceNowIssueTrackerTest {

  private final ServiceNowStub stub = new ServiceNowStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void should_post_the_incident_with_the_signature_as_correlation_id_and_basic_auth() {
    TicketRef ticket = tracker(settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    assertThat(ticket.system()).isEqualTo("servicenow");
    assertThat(ticket.key()).isEqualTo("INC0010001");
    ServiceNowStub.Seen post = stub.seen("POST").get(0);
    assertThat(post.path()).isEqualTo("/api/now/table/incident");
    assertThat(post.headers().get("authorization")).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString("rca.bot:snow-secret".getBytes(StandardCharsets.UTF_8)));
    JsonNode body = post.json();
    assertThat(body.path("correlation_id").asText()).isEqualTo("a".repeat(64));
    assertThat(body.path("correlation_display").asText()).isEqualTo("rca-aaaaaaaaaaaa-1");
    assertThat(body.path("category").asText()).isEqualTo("database");
    assertThat(body.path("short_description").asText()).startsWith("[RCA] etl_orders failed");
    assertThat(body.path("description").asText()).contains("[TABLE_OR_VIEW_NOT_FOUND] prod.users",
        "Run page: https://adb-1/run/1", "cost_center=cc-7", "rules, confidence 0.80", "Occurrences: 1",
        "\nClassified by: layer 2 (identifier): sample\n");
    assertThat(stub.seen("GET").get(0).query().get("sysparm_query")).isEqualTo("correlation_display=rca-aaaaaaaaaaaa-1");
  }

  @Test
  void should_add_a_work_note_to_the_active_incident_of_the_signature_instead_of_a_second_one() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef first = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    TicketRef again = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-2"));

    assertThat(again).isEqualTo(first);
    assertThat(stub.incidentCount()).isEqualTo(1);
    assertThat(stub.incident(first.key()).path("work_notes_list").get(0).asText()).contains("same signature");
  }

  @Test
  void should_patch_a_work_note_with_the_count_when_the_failure_recurs() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.recordRecurrence(ticket, new Recurrence(new IncidentId(1), RunKey.of(Source.DATABRICKS, "9"), 4,
        Samples.T0));

    assertThat(stub.incidentCount()).isEqualTo(1);
    assertThat(stub.seen("PATCH").get(0).json().path("work_notes").asText())
        .contains("run DATABRICKS:9", "Occurrences: 4");
  }

  @Test
  void should_patch_a_work_note_when_a_note_is_added() {
    ServiceNowIssueTracker tracker = tracker(settings(stub));
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));

    tracker.comment(ticket, "Remediation RERUN_FROM_FAILURE started (new run 6f1c)");

    assertThat(stub.seen("PATCH").get(0).json().path("work_notes").asText())
        .isEqualTo("Remediation RERUN_FROM_FAILURE started (new run 6f1c)");
    assertThatThrownBy(() -> tracker.comment(new TicketRef("servicenow", "INC0999999", ""), "x"))
        .isInstanceOf(PermanentPortException.class).hasMessageContaining("no incident INC0999999");
  }

  @Test
  void should_fail_permanently_when_the_incident_of_a_recurrence_is_gone() {
    assertThatThrownBy(() -> tracker(settings(stub)).recordRecurrence(new TicketRef("servicenow", "INC0999999", ""),
        new Recurrence(new IncidentId(1), RunKey.of(Source.DATABRICKS, "9"), 2, Samples.T0)))
        .isInstanceOf(PermanentPortException.class).hasMessageContaining("no incident INC0999999");
  }

  @Test
  void should_send_a_bearer_token_when_configured() {
    tracker(ServiceNowSettings.of(stub.uri().toString(), ServiceNowAuth.bearer("snow-oauth")))
        .findByIdempotencyKey("rca-x-1");

    assertThat(stub.seen("GET").get(0).headers().get("authorization")).isEqualTo("Bearer snow-oauth");
  }

  static Stream<Arguments> answers() {
    String envelope = "{\"error\":{\"message\":\"%s\",\"detail\":\"%s\"},\"status\":\"failure\"}";
    return Stream.of(
        Arguments.of(400, String.format(envelope, "Invalid input", "Field 'urgency' invalid"),
            PermanentPortException.class, "Field 'urgency' invalid"),
        Arguments.of(401, String.format(envelope, "User Not Authenticated", "Required to provide Auth information"),
            PermanentPortException.class, "check SERVICENOW_USER and SERVICENOW_PASSWORD"),
        Arguments.of(403, String.format(envelope, "Operation Failed", "ACL Exception Insert Failed"),
            PermanentPortException.class, "itil role"),
        Arguments.of(404, "<html>Not found</html>", PermanentPortException.class, "check SERVICENOW_INSTANCE"),
        Arguments.of(429, String.format(envelope, "Rate limit exceeded", ""), TransientPortException.class,
            "throttled"),
        Arguments.of(500, String.format(envelope, "Internal error", ""), TransientPortException.class, "HTTP 500"),
        Arguments.of(503, "<html>Instance hibernating</html>", TransientPortException.class, "hibernating"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("answers")
  void should_map_the_answer_to_a_port_exception_that_names_the_setting_when_creating_fails(
      int status, String body, Class<? extends PortException> expected, String mentioned) {
    stub.script("POST", Answer.json(status, body), Answer.json(status, body), Answer.json(status, body));

    assertThatThrownBy(() -> tracker(settings(stub)).open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1")))
        .isInstanceOf(expected)
        .hasMessageContaining(mentioned)
        .hasMessageNotContaining("snow-secret");
  }

  @Test
  void should_carry_the_rate_limit_wait_when_every_attempt_is_throttled() {
    Answer throttled = new Answer(429, "{}", Map.of("Retry-After", "20"));
    stub.script("GET", throttled, throttled, throttled);

    assertThatThrownBy(() -> tracker(settings(stub)).findByIdempotencyKey("rca-x-1"))
        .isInstanceOfSatisfying(TransientPortException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(20)));
    assertThat(stub.seen("GET")).hasSize(3);
  }
}
