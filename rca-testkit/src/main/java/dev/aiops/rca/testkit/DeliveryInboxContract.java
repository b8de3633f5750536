package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Settlement;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryInbox} must do. Implement {@link #inbox()} with a fresh, empty inbox on
 * {@link #clock()}, {@link #incidents()} with the repository whose run claims it shares, and {@link #audit()} with
 * the audit trail it shares.
 */
public interface DeliveryInboxContract {

  Duration LEASE = Duration.ofMinutes(5);

  DeliveryInbox inbox();

  IncidentRepository incidents();

  AuditTrail audit();

  MutableClock clock();

  static Delivery delivery(String id, String runId) {
    return new Delivery(id, Samples.databricksEvent(runId), Map.of("user-agent", "test"), Samples.T0);
  }

  static AlertWindow window(String alertId) {
    return new AlertWindow(Source.ADF, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/"
        + "factories/adf-prod", Optional.of("PL_Sales"), Optional.empty(), Samples.T0.minusSeconds(300), Samples.T0,
        "PipelineFailedRuns", alertId, Samples.T0, "{\"schemaId\":\"azureMonitorCommonAlertSchema\"}");
  }

  @Test
  default void should_store_a_delivery_and_hand_it_to_a_worker_once() {
    DeliveryInbox inbox = inbox();

    IntakeResult outcome = inbox.accept(delivery("d-1", "1"));
    List<DeliveryItem> taken = inbox.take("w1", 10, LEASE);

    assertThat(outcome).isEqualTo(new IntakeResult.Accepted("d-1"));
    assertThat(taken).singleElement().satisfies(item -> {
      assertThat(item.deliveryId()).isEqualTo("d-1");
      assertThat(item.report()).isEqualTo(Samples.databricksEvent("1"));
      assertThat(item.attempt()).isEqualTo(1);
    });
    assertThat(inbox.take("w2", 10, LEASE)).isEmpty();
    assertThat(inbox.settle("d-1", "w1", Settlement.done())).isEqualTo(DeliveryStatus.DONE);
    assertThat(inbox.find("d-1")).map(DeliveryEntry::status).contains(DeliveryStatus.DONE);
  }

  @Test
  default void should_claim_the_run_of_an_accepted_delivery_for_that_delivery() {
    inbox().accept(delivery("d-1", "1"));

    RunKey run = RunKey.of(Source.DATABRICKS, "1");
    assertThat(incidents().claim(run, "d-1", Samples.T0)).isEqualTo(RunClaim.CLAIMED);
    assertThat(incidents().claim(run, "someone-else", Samples.T0)).isEqualTo(RunClaim.ALREADY_CLAIMED);
  }

  @Test
  default void should_store_an_alert_window_as_it_came_without_claiming_any_run() {
    DeliveryInbox inbox = inbox();
    AlertWindow window = window("alert-1");

    IntakeResult outcome = inbox.accept(new Delivery("alert:" + window.key(), window, Map.of(), Samples.T0));

    assertThat(outcome).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(inbox.take("w1", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.report()).isEqualTo(window));
    assertThat(inbox.find("alert:" + window.key())).hasValueSatisfying(entry -> assertThat(entry.run()).isEmpty());
    assertThat(inbox.accept(new Delivery("alert:" + window.key(), window, Map.of(), Samples.T0)))
        .isInstanceOf(IntakeResult.Duplicate.class);
  }

  @Test
  default void should_keep_the_alert_severity_of_a_failure_and_of_a_window_when_they_are_stored() {
    DeliveryInbox inbox = inbox();
    FailureEvent event = Samples.databricksEvent("sev-1").withAlertSeverity(Optional.of(AlertSeverity.SEV1));
    AlertWindow base = window("alert-sev");
    AlertWindow window = new AlertWindow(base.source(), base.workspace(), base.jobName(), base.taskName(),
        base.windowStart(), base.windowEnd(), base.signal(), base.alertId(), base.firedAt(), base.rawPayload(),
        Optional.of(AlertSeverity.SEV0));

    inbox.accept(new Delivery("d-sev", event, Map.of(), Samples.T0));
    inbox.accept(new Delivery("alert:" + window.key(), window, Map.of(), Samples.T0));

    assertThat(inbox.take("w1", 10, LEASE)).extracting(DeliveryItem::report).containsExactlyInAnyOrder(event, window);
  }

  @Test
  default void should_keep_a_data_factory_failure_whose_pipeline_name_has_the_longest_allowed_length() {
    DeliveryInbox inbox = inbox();
    String pipeline = "PL_" + "x".repeat(257);
    FailureEvent event = new FailureEvent(RunKey.of(Source.ADF, "6f1c2d3e-0000-4000-8000-00000000aaaa"), pipeline,
        pipeline, "adf-prod", Samples.T0, Optional.of("boom"), "{}");

    inbox.accept(new Delivery("d-adf", event, Map.of(), Samples.T0));

    assertThat(inbox.take("w1", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(((FailureEvent) item.report()).jobId()).hasSize(260));
  }

  @Test
  default void should_drop_the_bodies_of_old_finished_deliveries_and_still_know_a_resent_one() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-done", "1"));
    inbox.accept(delivery("d-pending", "2"));
    inbox.reject("d-rejected", "not json", Map.of(), "not JSON", Samples.T0);
    inbox.take("w1", 2, LEASE).stream().filter(item -> item.deliveryId().equals("d-done"))
        .forEach(item -> inbox.settle(item.deliveryId(), "w1", Settlement.done()));
    clock().advance(Duration.ofDays(15));
    inbox.accept(new Delivery("d-recent", Samples.databricksEvent("3"), Map.of(), clock().instant()));
    inbox.take("w1", 5, LEASE).stream().filter(item -> item.deliveryId().equals("d-recent"))
        .forEach(item -> inbox.settle(item.deliveryId(), "w1", Settlement.done()));

    int emptied = inbox.prune(clock().instant().minus(Duration.ofDays(14)));

    assertThat(emptied).isEqualTo(2);
    assertThat(inbox.rawBody("d-done")).contains("");
    assertThat(inbox.rawBody("d-rejected")).contains("");
    assertThat(inbox.rawBody("d-pending")).hasValueSatisfying(body -> assertThat(body).isNotEmpty());
    assertThat(inbox.rawBody("d-recent")).hasValueSatisfying(body -> assertThat(body).isNotEmpty());
    assertThat(inbox.accept(delivery("d-done", "1"))).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(inbox.prune(clock().instant().minus(Duration.ofDays(14)))).isZero();
  }

  @Test
  default void should_keep_a_body_shared_by_several_runs_for_each_delivery_until_the_last_one_is_pruned() {
    DeliveryInbox inbox = inbox();
    String body = "[{\"runs\":[\"1\",\"2\"]}]";
    for (String run : List.of("1", "2")) {
      FailureEvent event = new FailureEvent(RunKey.of(Source.DATABRICKS, run), "7", "etl", "ws", Samples.T0,
          Optional.of("boom"), body);
      inbox.accept(new Delivery("d/" + run, event, Map.of(), Samples.T0));
    }
    inbox.take("w1", 2, LEASE).stream().filter(item -> item.deliveryId().equals("d/1"))
        .forEach(item -> inbox.settle(item.deliveryId(), "w1", Settlement.done()));
    clock().advance(Duration.ofDays(15));

    assertThat(inbox.prune(clock().instant().minus(Duration.ofDays(14)))).isEqualTo(1);

    assertThat(inbox.rawBody("d/1")).contains("");
    assertThat(inbox.rawBody("d/2")).contains(body);
    inbox.take("w2", 1, LEASE).forEach(item -> inbox.settle(item.deliveryId(), "w2", Settlement.done()));
    clock().advance(Duration.ofDays(15));
    assertThat(inbox.prune(clock().instant().minus(Duration.ofDays(14)))).isEqualTo(1);
    assertThat(inbox.rawBody("d/2")).contains("");
  }

  @Test
  default void should_report_the_oldest_pending_delivery_until_none_is_left() {
    DeliveryInbox inbox = inbox();
    assertThat(inbox.oldestPending()).isEmpty();
    inbox.accept(delivery("d-1", "1"));
    inbox.accept(new Delivery("d-2", Samples.databricksEvent("2"), Map.of(), Samples.T0.plusSeconds(60)));

    assertThat(inbox.oldestPending()).contains(Samples.T0);
    clock().advance(Duration.ofMinutes(2));
    inbox.take("w1", 2, LEASE).forEach(item -> inbox.settle(item.deliveryId(), "w1", Settlement.done()));
    assertThat(inbox.oldestPending()).isEmpty();
  }

  @Test
  default void should_change_nothing_but_the_audit_trail_when_the_same_delivery_arrives_again() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));

    IntakeResult again = inbox.accept(delivery("d-1", "1"));

    assertThat(again).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.PENDING, 1L).containsEntry(DeliveryStatus.DUPLICATE, 0L);
    assertThat(audit().auditTrail(RunKey.of(Source.DATABRICKS, "1"))).extracting(e -> e.action())
        .containsExactly(AuditAction.DUPLICATE_DELIVERY);
  }

  @Test
  default void should_keep_another_delivery_of_a_claimed_run_as_a_duplicate_that_no_worker_takes() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));

    IntakeResult other = inbox.accept(delivery("d-2", "1"));

    assertThat(other).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(((IntakeResult.Duplicate) other).reason()).contains("d-1");
    assertThat(inbox.find("d-2")).map(DeliveryEntry::status).contains(DeliveryStatus.DUPLICATE);
    assertThat(inbox.take("w1", 10, LEASE)).extracting(DeliveryItem::deliveryId).containsExactly("d-1");
    assertThat(audit().auditTrail(RunKey.of(Source.DATABRICKS, "1")))
        .extracting(e -> e.action()).containsExactly(AuditAction.DUPLICATE_DELIVERY);
  }

  @Test
  default void should_give_each_delivery_to_exactly_one_worker_when_workers_take_concurrently() throws Exception {
    DeliveryInbox inbox = inbox();
    for (int i = 0; i < 60; i++) {
      inbox.accept(delivery("d-" + i, Integer.toString(i)));
    }
    List<String> taken = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Void>> workers = new ArrayList<>();
      for (int w = 0; w < 6; w++) {
        String worker = "w" + w;
        workers.add(() -> {
          for (List<DeliveryItem> batch = inbox.take(worker, 4, LEASE); !batch.isEmpty();
              batch = inbox.take(worker, 4, LEASE)) {
            batch.forEach(item -> {
              taken.add(item.deliveryId());
              inbox.settle(item.deliveryId(), worker, Settlement.done());
            });
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(workers)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(taken).hasSize(60).doesNotHaveDuplicates();
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.DONE, 60L);
  }

  @Test
  default void should_keep_a_delivery_from_other_workers_while_its_worker_renews_the_lease() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.take("w1", 1, LEASE);

    clock().advance(LEASE.minusSeconds(1));
    assertThat(inbox.renew("d-1", "w1", LEASE)).isTrue();
    assertThat(inbox.renew("d-1", "w2", LEASE)).isFalse();
    clock().advance(LEASE.minusSeconds(1));

    assertThat(inbox.take("w2", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(2));
    assertThat(inbox.take("w2", 1, LEASE)).hasSize(1);
    assertThat(inbox.renew("d-1", "w1", LEASE)).isFalse();
  }

  @Test
  default void should_hand_a_delivery_to_another_worker_as_soon_as_its_worker_releases_the_lease() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.take("stopping", 1, LEASE);

    // Released as a process stops: a lease that ends now.
    assertThat(inbox.renew("d-1", "stopping", Duration.ZERO)).isTrue();
    clock().advance(Duration.ofMillis(1));

    assertThat(inbox.take("w2", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.attempt()).isEqualTo(2));
  }

  @Test
  default void should_take_a_delivery_again_counting_the_attempt_when_the_lease_of_a_crashed_worker_expires() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.take("crashed", 1, Duration.ofSeconds(30));

    assertThat(inbox.take("w2", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(31));
    List<DeliveryItem> again = inbox.take("w2", 1, LEASE);

    assertThat(again).singleElement().satisfies(item -> assertThat(item.attempt()).isEqualTo(2));
    // The crashed worker's late word no longer counts.
    assertThat(inbox.settle("d-1", "crashed", Settlement.done())).isEqualTo(DeliveryStatus.PENDING);
    assertThat(inbox.settle("d-1", "w2", Settlement.done())).isEqualTo(DeliveryStatus.DONE);
  }

  @Test
  default void should_not_hand_out_a_delivery_to_retry_before_its_time() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.take("w", 1, LEASE);

    DeliveryStatus status = inbox.settle("d-1", "w",
        new Settlement.RetryAt(clock().instant().plusSeconds(30), "429 from Slack"));

    assertThat(status).isEqualTo(DeliveryStatus.PENDING);
    assertThat(inbox.find("d-1")).flatMap(DeliveryEntry::lastError).contains("429 from Slack");
    clock().advance(Duration.ofSeconds(29));
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(1));
    assertThat(inbox.take("w", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.attempt()).isEqualTo(2));
  }

  @Test
  default void should_dead_letter_and_replay_on_demand_with_fresh_attempts() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.take("w", 1, LEASE);

    assertThat(inbox.settle("d-1", "w", new Settlement.Dead("401 Unauthorized"))).isEqualTo(DeliveryStatus.DEAD);
    assertThat(inbox.list(Optional.of(DeliveryStatus.DEAD), 10)).singleElement().satisfies(entry -> {
      assertThat(entry.deliveryId()).isEqualTo("d-1");
      assertThat(entry.lastError()).contains("401 Unauthorized");
      assertThat(entry.attempts()).isEqualTo(1);
    });
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();

    DeliveryEntry replayed = inbox.replay("d-1");

    assertThat(replayed.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(inbox.take("w", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.attempt()).isEqualTo(1));
    assertThatThrownBy(() -> inbox.replay("d-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inbox.replay("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void should_keep_a_rejected_body_with_its_reason_when_it_is_not_a_webhook() {
    DeliveryInbox inbox = inbox();

    inbox.reject("sha256:abc", "not json", Map.of(), "the body is not JSON", Samples.T0);
    inbox.reject("sha256:abc", "not json", Map.of(), "the body is not JSON", Samples.T0);

    assertThat(inbox.list(Optional.of(DeliveryStatus.REJECTED), 10)).singleElement().satisfies(entry -> {
      assertThat(entry.lastError()).contains("the body is not JSON");
      assertThat(entry.run()).isEmpty();
    });
    assertThat(inbox.rawBody("sha256:abc")).contains("not json");
    assertThat(inbox.take("w", 10, LEASE)).isEmpty();
  }

  @Test
  default void should_list_newest_first_and_count_by_status() {
    DeliveryInbox inbox = inbox();
    inbox.accept(delivery("d-1", "1"));
    inbox.accept(new Delivery("d-2", Samples.databricksEvent("2"), Map.of(), Samples.T0.plusSeconds(1)));
    inbox.reject("d-3", "x", Map.of(), "not JSON", Samples.T0.plusSeconds(2));

    assertThat(inbox.list(Optional.empty(), 10)).extracting(DeliveryEntry::deliveryId)
        .containsExactly("d-3", "d-2", "d-1");
    assertThat(inbox.list(Optional.empty(), 1)).hasSize(1);
    assertThat(inbox.list(Optional.of(DeliveryStatus.PENDING), 1)).singleElement()
        .satisfies(entry -> assertThat(entry.run()).contains("DATABRICKS:2"));
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.PENDING, 2L).containsEntry(DeliveryStatus.REJECTED, 1L);
    assertThat(inbox.find("nope")).isEmpty();
    assertThat(inbox.rawBody("nope")).isEmpty();
  }

  @Test
  default void should_keep_a_delivery_and_a_rejected_body_whose_text_holds_nul_characters() {
    // A JSON escape (\u0000) puts NUL into any field; PostgreSQL refuses it in text, so a store may replace it.
    DeliveryInbox inbox = inbox();
    FailureEvent event = new FailureEvent(RunKey.of(Source.DATABRICKS, "1"), "7\0", "etl\0orders", "ws",
        Samples.T0, Optional.of("boom\0"), "{\"job\":\"etl\\u0000orders\"}\0");

    assertThat(inbox.accept(new Delivery("d-nul", event, Map.of(), Samples.T0)))
        .isInstanceOf(IntakeResult.Accepted.class);
    inbox.reject("d-bad", "not json\0", Map.of(), "the body is not JSON", Samples.T0);

    assertThat(inbox.take("w", 1, LEASE)).singleElement().satisfies(item ->
        assertThat(((FailureEvent) item.report()).jobName()).isIn("etl\0orders", "etl\uFFFDorders"));
    assertThat(inbox.rawBody("d-bad")).hasValueSatisfying(body -> assertThat(body).isIn("not json\0",
        "not json\uFFFD"));
  }
}
