package dev.aiops.rca.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import dev.aiops.rca.port.out.WebhookReader;
import dev.aiops.rca.testkit.DeliveryInboxContract;
import dev.aiops.rca.testkit.InMemoryDeliveryInbox;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** From a body to a stored delivery (or a kept rejection), with readers that say what the body is. */
class ReceiveWebhookServiceTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryDeliveryInbox inbox = new InMemoryDeliveryInbox(incidents, incidents, clock);
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger runNews = new AtomicInteger();

  private ReceiveWebhookService service(BiFunction<String, Instant, WebhookReading> read) {
    return new ReceiveWebhookService(List.of(reader(read)), inbox, accepted::incrementAndGet, runNews::incrementAndGet,
        clock);
  }

  private static WebhookReader reader(BiFunction<String, Instant, WebhookReading> read) {
    return new WebhookReader() {
      @Override
      public Source source() {
        return Source.DATABRICKS;
      }

      @Override
      public WebhookReading read(String body, Instant receivedAt) {
        return read.apply(body, receivedAt);
      }
    };
  }

  private static WebhookReading failureOf(String body, Instant at) {
    return WebhookReading.RunFailures.of(Samples.databricksEvent(body));
  }

  @Test
  void should_store_a_failure_named_by_the_body_hash_and_wake_the_workers() {
    IntakeResult result = service(ReceiveWebhookServiceTest::failureOf).receive(Source.DATABRICKS, "7", Map.of());

    assertThat(result).isInstanceOfSatisfying(IntakeResult.Accepted.class,
        ok -> assertThat(ok.deliveryId()).startsWith("sha256:").hasSize(7 + 64));
    assertThat(accepted).hasValue(1);
    assertThat(inbox.take("w", 1, Duration.ofMinutes(1))).extracting(DeliveryItem::report)
        .containsExactly(Samples.databricksEvent("7"));
  }

  @Test
  void should_name_the_delivery_by_the_senders_id_and_keep_only_harmless_headers() {
    ReceiveWebhookService service = service(ReceiveWebhookServiceTest::failureOf);

    IntakeResult first = service.receive(Source.DATABRICKS, "7",
        Map.of("X-Delivery-Id", "abc-1", "Authorization", "Bearer secret", "User-Agent", "Databricks"));
    IntakeResult again = service.receive(Source.DATABRICKS, "7", Map.of("X-Delivery-Id", "abc-1"));

    assertThat(first).isEqualTo(new IntakeResult.Accepted("hdr:abc-1"));
    assertThat(again).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(DeliveryIds.keep(Map.of("Authorization", "Bearer secret", "User-Agent", "Databricks")))
        .containsExactly(Map.entry("user-agent", "Databricks"));
    assertThat(runNews).hasValue(1);
  }

  @Test
  void should_keep_an_unusable_body_with_the_reason_and_answer_rejected() {
    IntakeResult result = service((body, at) -> new WebhookReading.Unusable("the body is not JSON"))
        .receive(Source.DATABRICKS, "not json", Map.of());

    assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo("the body is not JSON"));
    assertThat(inbox.list(Optional.of(DeliveryStatus.REJECTED), 10)).singleElement()
        .extracting(DeliveryEntry::lastError).isEqualTo(Optional.of("the body is not JSON"));
    assertThat(inbox.rawBody(((IntakeResult.Rejected) result).deliveryId())).contains("not json");
  }

  @Test
  void should_read_and_keep_a_body_only_redacted_when_it_holds_a_secret() {
    List<String> read = new ArrayList<>();
    ReceiveWebhookService service = service((body, at) -> {
      read.add(body);
      return body.contains("reject") ? new WebhookReading.Unusable("no run") : failureOf("7", at);
    });
    String token = "dapi0123456789abcdef0123456789abcdef";

    IntakeResult accepted = service.receive(Source.DATABRICKS, "{\"run_id\":7,\"error\":\"token " + token + "\"}",
        Map.of());
    IntakeResult rejected = service.receive(Source.DATABRICKS, "reject password=" + token, Map.of());

    assertThat(read).noneMatch(body -> body.contains(token)).first().asString()
        .isEqualTo("{\"run_id\":7,\"error\":\"token [REDACTED:DATABRICKS_TOKEN]\"}");
    assertThat(accepted).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(inbox.rawBody(((IntakeResult.Rejected) rejected).deliveryId())).hasValueSatisfying(
        body -> assertThat(body).startsWith("reject").doesNotContain(token));
  }

  @Test
  void should_reject_a_failure_whose_values_the_store_cannot_keep() {
    FailureEvent tooLong = new FailureEvent(RunKey.of(Source.DATABRICKS, "1"), "1", "x".repeat(501), "", Samples.T0,
        Optional.empty(), "{}");

    IntakeResult result = service((body, at) -> WebhookReading.RunFailures.of(tooLong))
        .receive(Source.DATABRICKS, "{}", Map.of());

    assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class,
        rejected -> assertThat(rejected.reason()).contains("job name is longer than 500"));
  }

  @Test
  void should_store_each_run_of_a_body_naming_several_as_its_own_delivery() {
    IntakeResult result = service((body, at) -> new WebhookReading.RunFailures(
        List.of(Samples.databricksEvent("1"), Samples.databricksEvent("2")))).receive(Source.DATABRICKS, "b", Map.of());

    assertThat(result).isInstanceOfSatisfying(IntakeResult.Accepted.class, ok -> assertThat(ok.runs()).isEqualTo(2));
    assertThat(inbox.list(Optional.empty(), 10)).extracting(DeliveryEntry::deliveryId)
        .allSatisfy(id -> assertThat(id).startsWith("sha256:"))
        .anySatisfy(id -> assertThat(id).endsWith("/1"))
        .anySatisfy(id -> assertThat(id).endsWith("/2"));
  }

  @Test
  void should_refuse_whole_and_keep_as_rejected_a_body_naming_more_runs_than_the_limit() {
    List<FailureEvent> runs = IntStream.range(0, 1_000)
        .mapToObj(i -> Samples.databricksEvent(Integer.toString(i + 1))).toList();
    ReceiveWebhookService service = new ReceiveWebhookService(List.of(reader((body, at) ->
        new WebhookReading.RunFailures(runs))), inbox, accepted::incrementAndGet, runNews::incrementAndGet, clock,
        ReceiveWebhookService.DEFAULT_MAX_RUNS, Redactor.standard());

    IntakeResult result = service.receive(Source.DATABRICKS, "a thousand runs", Map.of());

    assertThat(result).isInstanceOfSatisfying(IntakeResult.TooManyRuns.class, refused -> {
      assertThat(refused.runs()).isEqualTo(1_000);
      assertThat(refused.reason()).contains("1000 runs", "100", "RCA_MAX_RUNS_PER_WEBHOOK");
    });
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.REJECTED, 1L).containsEntry(DeliveryStatus.PENDING, 0L);
    assertThat(inbox.rawBody(((IntakeResult.TooManyRuns) result).deliveryId())).contains("a thousand runs");
    assertThat(accepted).hasValue(0);
  }

  @Test
  void should_store_an_alert_window_once_per_firing_whatever_the_delivery() {
    ReceiveWebhookService service = service(
        (body, at) -> new WebhookReading.FailuresInWindow(DeliveryInboxContract.window("alert-1")));

    IntakeResult first = service.receive(Source.DATABRICKS, "one body", Map.of());
    IntakeResult again = service.receive(Source.DATABRICKS, "the same firing re-sent", Map.of());

    assertThat(first).isInstanceOfSatisfying(IntakeResult.Accepted.class,
        ok -> assertThat(ok.deliveryId()).isEqualTo("alert:" + DeliveryInboxContract.window("alert-1").key()));
    assertThat(again).isInstanceOf(IntakeResult.Duplicate.class);
  }

  @Test
  void should_store_nothing_and_tell_of_run_news_when_the_event_is_not_a_failure() {
    IntakeResult result = service((body, at) -> new WebhookReading.Ignored("jobs.on_success for run 1"))
        .receive(Source.DATABRICKS, "{}", Map.of());

    assertThat(result).isEqualTo(new IntakeResult.Ignored("jobs.on_success for run 1"));
    assertThat(inbox.counts().values()).allMatch(count -> count == 0);
    assertThat(runNews).hasValue(1);
  }

  @Test
  void should_refuse_a_source_it_has_no_reader_for() {
    assertThatThrownBy(() -> service(ReceiveWebhookServiceTest::failureOf).receive(Source.ADF, "{}", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ADF");
  }
}
