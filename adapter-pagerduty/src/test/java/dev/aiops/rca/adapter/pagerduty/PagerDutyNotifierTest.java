package dev.aiops.rca.adapter.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.pagerduty.PagerDutyStub.Answer;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Events API v2 bodies PagerDuty receives, and how its answers are taken. */
class PagerDutyNotifierTest {

  private static final String KEY = PagerDutyNotifierContractTest.KEY;

  private final PagerDutyStub stub = new PagerDutyStub();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    stub.close();
  }

  private PagerDutyNotifier notifier(PagerDutySettings settings) {
    return new PagerDutyNotifier(settings, new HttpTransport(HttpClient.newHttpClient(), sleeps::add));
  }

  private PagerDutyNotifier notifier() {
    return notifier(PagerDutyNotifierContractTest.settings(stub).withClientUrl("https://rca.example.com/"));
  }

  static Notification notification(Priority priority) {
    Notification plain = NotifierContract.notification();
    Incident incident = plain.incident().withAssignment(new Assignment("payments", Optional.of("team-payments"),
        priority, Optional.of("https://wiki.example.com/runbooks/tables")));
    return new Notification(incident, plain.title(), plain.text(), plain.category(),
        Optional.of(new TicketRef("jira", "OPS-42", "https://acme.atlassian.net/browse/OPS-42")),
        plain.runPageUrl().map(url -> "https://adb-1.azuredatabricks.net/run/1"), List.of());
  }

  @Test
  void should_trigger_an_alert_keyed_by_the_signature_with_links_when_a_P1_incident_is_notified() {
    Notification notification = notification(Priority.P1);

    NotificationRef ref = notifier().notify(notification);

    JsonNode event = stub.events().get(0);
    String signature = notification.incident().signature().value();
    assertThat(ref).isEqualTo(new NotificationRef("pagerduty", signature));
    assertThat(event.path("routing_key").asText()).isEqualTo(KEY);
    assertThat(event.path("event_action").asText()).isEqualTo("trigger");
    assertThat(event.path("dedup_key").asText()).isEqualTo(signature);
    JsonNode payload = event.path("payload");
    assertThat(payload.path("summary").asText())
        .isEqualTo("[RCA] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND: [TABLE_OR_VIEW_NOT_FOUND] prod.users");
    assertThat(payload.path("severity").asText()).isEqualTo("critical");
    assertThat(payload.path("source").asText()).isEqualTo("databricks:" + notification.incident().jobName());
    assertThat(payload.path("component").asText()).isEqualTo(notification.incident().jobName());
    assertThat(payload.path("group").asText()).isEqualTo("payments");
    assertThat(payload.path("class").asText()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(payload.path("timestamp").asText()).isEqualTo(notification.incident().firstSeen().toString());
    assertThat(payload.path("custom_details").path("incident").asText())
        .isEqualTo(notification.incident().id().toString());
    assertThat(payload.path("custom_details").path("owner").asText()).isEqualTo("team-payments");
    assertThat(StreamSupport.stream(event.path("links").spliterator(), false)
        .map(link -> link.path("text").asText() + " " + link.path("href").asText()))
        .containsExactly("Failed run https://adb-1.azuredatabricks.net/run/1",
            "Ticket OPS-42 https://acme.atlassian.net/browse/OPS-42",
            "Runbook https://wiki.example.com/runbooks/tables");
    assertThat(event.path("client").asText()).isEqualTo("AIOps RCA Assistant");
    assertThat(event.path("client_url").asText()).isEqualTo("https://rca.example.com/");
    assertThat(stub.headers().get(0)).doesNotContainKey("authorization");
  }

  @ParameterizedTest
  @CsvSource({"P1, critical", "P2, error", "P3, warning", "P4, info"})
  void should_map_the_priority_to_the_severity_when_every_priority_pages(Priority priority, String severity) {
    notifier(PagerDutyNotifierContractTest.settings(stub).withMinPriority(Priority.P4))
        .notify(notification(priority));

    assertThat(stub.events()).singleElement()
        .satisfies(event -> assertThat(event.path("payload").path("severity").asText()).isEqualTo(severity));
  }

  @Test
  void should_page_no_one_when_the_priority_is_below_the_minimum() {
    NotificationRef ref = notifier().notify(notification(Priority.P3));

    assertThat(stub.events()).isEmpty();
    assertThat(ref.messageId()).startsWith("quiet:");
  }

  @Test
  void should_send_nothing_when_the_failure_recurs() {
    Notification notification = notification(Priority.P2);
    PagerDutyNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);

    notifier.update(ref, new Recurrence(notification.incident().id(), RunKey.of(Source.DATABRICKS, "2"), 2,
        Samples.T0));

    assertThat(stub.events()).hasSize(1);
  }

  @Test
  void should_resolve_the_alert_when_the_incident_is_redrawn_resolved() {
    Notification notification = notification(Priority.P1);
    PagerDutyNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, notification);
    notifier.refresh(ref, withStatus(notification, IncidentStatus.RESOLVED));

    assertThat(stub.events()).hasSize(2);
    JsonNode resolve = stub.events().get(1);
    assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.path("dedup_key").asText()).isEqualTo(notification.incident().signature().value());
    assertThat(resolve.path("routing_key").asText()).isEqualTo(KEY);
  }

  @Test
  void should_not_resolve_an_alert_it_never_raised_when_a_quiet_incident_resolves() {
    Notification notification = notification(Priority.P4);
    PagerDutyNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, withStatus(notification, IncidentStatus.RESOLVED));

    assertThat(stub.events()).isEmpty();
  }

  @Test
  void should_page_a_quiet_incident_once_its_recurrences_raise_it_to_a_paging_priority_and_resolve_it_later() {
    PagerDutyNotifier notifier = notifier();
    NotificationRef ref = notifier.notify(notification(Priority.P3));
    Notification raised = notification(Priority.P2);

    notifier.refresh(ref, raised);
    notifier.refresh(ref, withStatus(raised, IncidentStatus.RESOLVED));

    assertThat(stub.events()).extracting(event -> event.path("event_action").asText())
        .containsExactly("trigger", "resolve");
    assertThat(stub.events()).extracting(event -> event.path("dedup_key").asText())
        .containsOnly(raised.incident().signature().value());
    assertThat(stub.events().get(0).path("payload").path("severity").asText()).isEqualTo("error");
  }

  @Test
  void should_page_the_route_s_service_when_the_route_names_a_routing_key() {
    String routed = "Z0123456789abcdef0123456789ABCDE";
    Notification notification = notification(Priority.P1).withDestinations(new Destinations(Optional.empty(),
        List.of(), Optional.empty(), Optional.of(new Secret(routed)), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()));

    notifier().notify(notification);

    assertThat(stub.events().get(0).path("routing_key").asText()).isEqualTo(routed);
  }

  @Test
  void should_retry_with_backoff_when_throttled_then_accepted() {
    stub.script(new Answer(429, "", Map.of("Retry-After", "2")), Answer.json(500, "{\"status\":\"error\"}"));

    NotificationRef ref = notifier().notify(notification(Priority.P1));

    assertThat(stub.events()).hasSize(3);
    assertThat(sleeps).hasSize(2).first().isEqualTo(Duration.ofSeconds(2));
    assertThat(ref.messageId()).isEqualTo(notification(Priority.P1).incident().signature().value());
  }

  @Test
  void should_fail_transiently_when_throttled_past_the_last_attempt() {
    PagerDutyNotifier notifier = notifier(PagerDutyNotifierContractTest.settings(stub)
        .withRetry(new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofSeconds(1))));
    stub.script(new Answer(429, "", Map.of()), new Answer(429, "", Map.of()));

    assertThatThrownBy(() -> notifier.notify(notification(Priority.P1)))
        .isInstanceOf(TransientPortException.class)
        .hasMessageContaining("PagerDuty throttled trigger");
    assertThat(stub.events()).hasSize(2);
  }

  @Test
  void should_fail_permanently_without_retrying_when_the_event_is_invalid() {
    stub.script(Answer.json(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}"));

    assertThatThrownBy(() -> notifier().notify(notification(Priority.P1)))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("refused the trigger event as invalid")
        .hasMessageNotContaining(KEY);
    assertThat(stub.events()).hasSize(1);
  }

  @Test
  void should_clip_the_summary_to_1024_characters_when_the_root_cause_is_long() {
    Notification plain = notification(Priority.P1);
    Notification longer = new Notification(plain.incident(), plain.title(), "x".repeat(3000), plain.category(),
        plain.ticket(), plain.runPageUrl(), List.of());

    notifier().notify(longer);

    assertThat(stub.events().get(0).path("payload").path("summary").asText()).hasSize(1024);
  }

  @Test
  void should_trigger_one_alert_per_storm_when_a_summary_is_posted_and_redrawn() {
    PagerDutyNotifier notifier = notifier();
    StormSummary summary = new StormSummary(Samples.T0, 12, List.of(new StormSummary.Entry(
        notification(Priority.P3).incident().id(), "etl_orders", "[RCA] etl_orders failed", Optional.of("OPS-1"))));

    NotificationRef ref = notifier.postSummary(summary);
    notifier.refreshSummary(ref, new StormSummary(Samples.T0, 30, summary.listed()));

    assertThat(stub.events()).singleElement().satisfies(event -> {
      assertThat(event.path("dedup_key").asText()).isEqualTo(ref.messageId());
      assertThat(event.path("payload").path("summary").asText()).contains("12 new incidents");
    });
  }

  @Test
  void should_refuse_a_routing_key_that_is_not_32_characters_without_printing_it() {
    assertThatThrownBy(() -> PagerDutySettings.of("short-key-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PAGERDUTY_ROUTING_KEY")
        .hasMessageNotContaining("short-key-123");
    assertThat(PagerDutySettings.of(KEY).toString()).doesNotContain(KEY);
  }

  private static Notification withStatus(Notification notification, IncidentStatus status) {
    return new Notification(notification.incident().withStatus(status), notification.title(), notification.text(),
        notification.category(), notification.ticket(), notification.runPageUrl(), List.of());
  }
}
