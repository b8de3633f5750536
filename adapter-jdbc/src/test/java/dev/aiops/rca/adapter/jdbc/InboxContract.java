package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
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

/** What the inbox must do on every database; implement {@link #store()} with a fresh, migrated store. */
interface InboxContract {

  Duration LEASE = Duration.ofMinutes(5);

  JdbcStore store();

  MutableClock clock();

  default JdbiInbox inbox(JdbcStore store) {
    return store.inbox(new InboxSettings(3, Duration.ofSeconds(2), Duration.ofSeconds(30)), clock());
  }

  static InboxDelivery delivery(String id, String runId) {
    FailureEvent event = Samples.databricksEvent(runId);
    return new InboxDelivery(id, event, Map.of("user-agent", "test"), Samples.T0);
  }

  @Test
  default void should_store_a_delivery_and_hand_it_to_a_worker_once() {
    JdbiInbox inbox = inbox(store());

    AcceptOutcome outcome = inbox.accept(delivery("d-1", "1"));
    List<InboxItem> taken = inbox.take("w1", 10, LEASE);

    assertThat(outcome).isEqualTo(new AcceptOutcome.Accepted("d-1"));
    assertThat(taken).singleElement().satisfies(item -> {
      assertThat(item.deliveryId()).isEqualTo("d-1");
      assertThat(item.event()).isEqualTo(Samples.databricksEvent("1"));
      assertThat(item.attempt()).isEqualTo(1);
    });
    assertThat(inbox.take("w2", 10, LEASE)).isEmpty();
    inbox.complete("d-1", "w1");
    assertThat(inbox.find("d-1")).map(InboxEntry::status).contains(InboxStatus.DONE);
  }

  @Test
  default void should_keep_a_data_factory_failure_whose_pipeline_name_has_the_longest_allowed_length() {
    JdbiInbox inbox = inbox(store());
    String pipeline = "PL_" + "x".repeat(257);
    FailureEvent event = new FailureEvent(RunKey.of(Source.ADF, "6f1c2d3e-0000-4000-8000-00000000aaaa"), pipeline,
        pipeline, "adf-prod", Samples.T0, Optional.of("boom"), "{}");

    inbox.accept(new InboxDelivery("d-adf", event, Map.of(), Samples.T0));

    assertThat(inbox.take("w1", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.event().jobId()).hasSize(260));
  }

  @Test
  default void should_drop_the_bodies_of_old_finished_deliveries_and_still_know_a_resent_one() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-done", "1"));
    inbox.accept(delivery("d-pending", "2"));
    inbox.reject("d-rejected", "not json", Map.of(), "not JSON");
    inbox.take("w1", 2, LEASE).stream().filter(item -> item.deliveryId().equals("d-done"))
        .forEach(item -> inbox.complete(item.deliveryId(), "w1"));
    clock().advance(Duration.ofDays(15));
    inbox.accept(new InboxDelivery("d-recent", Samples.databricksEvent("3"), Map.of(), clock().instant()));
    inbox.take("w1", 5, LEASE).stream().filter(item -> item.deliveryId().equals("d-recent"))
        .forEach(item -> inbox.complete(item.deliveryId(), "w1"));

    int emptied = inbox.prune(Duration.ofDays(14));

    assertThat(emptied).isEqualTo(2);
    assertThat(inbox.rawBody("d-done")).contains("");
    assertThat(inbox.rawBody("d-rejected")).contains("");
    assertThat(inbox.rawBody("d-pending")).hasValueSatisfying(body -> assertThat(body).isNotEmpty());
    assertThat(inbox.rawBody("d-recent")).hasValueSatisfying(body -> assertThat(body).isNotEmpty());
    assertThat(inbox.accept(delivery("d-done", "1"))).isInstanceOf(AcceptOutcome.Duplicate.class);
    assertThat(inbox.prune(Duration.ofDays(14))).isZero();
  }

  @Test
  default void should_report_the_oldest_pending_delivery_until_none_is_left() {
    JdbiInbox inbox = inbox(store());
    assertThat(inbox.oldestPending()).isEmpty();
    inbox.accept(delivery("d-1", "1"));
    inbox.accept(new InboxDelivery("d-2", Samples.databricksEvent("2"), Map.of(), Samples.T0.plusSeconds(60)));

    assertThat(inbox.oldestPending()).contains(Samples.T0);
    clock().advance(Duration.ofMinutes(2));
    inbox.take("w1", 2, LEASE).forEach(item -> inbox.complete(item.deliveryId(), "w1"));
    assertThat(inbox.oldestPending()).isEmpty();
  }

  @Test
  default void should_change_nothing_but_the_audit_trail_when_the_same_delivery_arrives_again() {
    JdbcStore store = store();
    JdbiInbox inbox = inbox(store);
    inbox.accept(delivery("d-1", "1"));

    AcceptOutcome again = inbox.accept(delivery("d-1", "1"));

    assertThat(again).isInstanceOf(AcceptOutcome.Duplicate.class);
    assertThat(inbox.counts()).containsEntry(InboxStatus.PENDING, 1L).containsEntry(InboxStatus.DUPLICATE, 0L);
    assertThat(store.incidents().auditEntries(AuditAction.DUPLICATE_DELIVERY)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(JdbiInbox.ACTOR));
  }

  @Test
  default void should_keep_another_delivery_of_a_claimed_run_as_a_duplicate_that_no_worker_takes() {
    JdbcStore store = store();
    JdbiInbox inbox = inbox(store);
    inbox.accept(delivery("d-1", "1"));

    AcceptOutcome other = inbox.accept(delivery("d-2", "1"));

    assertThat(other).isInstanceOf(AcceptOutcome.Duplicate.class);
    assertThat(((AcceptOutcome.Duplicate) other).reason()).contains("d-1");
    assertThat(inbox.find("d-2")).map(InboxEntry::status).contains(InboxStatus.DUPLICATE);
    assertThat(inbox.take("w1", 10, LEASE)).extracting(InboxItem::deliveryId).containsExactly("d-1");
    assertThat(store.incidents().auditTrail(RunKey.of(Source.DATABRICKS, "1")))
        .extracting(e -> e.action()).containsExactly(AuditAction.DUPLICATE_DELIVERY);
  }

  @Test
  default void should_give_each_delivery_to_exactly_one_worker_when_workers_take_concurrently() throws Exception {
    JdbiInbox inbox = inbox(store());
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
          for (List<InboxItem> batch = inbox.take(worker, 4, LEASE); !batch.isEmpty();
              batch = inbox.take(worker, 4, LEASE)) {
            batch.forEach(item -> {
              taken.add(item.deliveryId());
              inbox.complete(item.deliveryId(), worker);
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
    assertThat(inbox.counts()).containsEntry(InboxStatus.DONE, 60L);
  }

  @Test
  default void should_keep_a_delivery_from_other_workers_while_its_worker_renews_the_lease() {
    JdbiInbox inbox = inbox(store());
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
  default void should_take_a_delivery_again_when_the_lease_of_a_crashed_worker_expires() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-1", "1"));
    inbox.take("crashed", 1, Duration.ofSeconds(30));

    assertThat(inbox.take("w2", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(31));
    List<InboxItem> again = inbox.take("w2", 1, LEASE);

    assertThat(again).singleElement().satisfies(item -> assertThat(item.attempt()).isEqualTo(2));
    inbox.complete("d-1", "crashed"); // the crashed worker's late word no longer counts
    assertThat(inbox.find("d-1")).map(InboxEntry::status).contains(InboxStatus.PENDING);
    inbox.complete("d-1", "w2");
    assertThat(inbox.find("d-1")).map(InboxEntry::status).contains(InboxStatus.DONE);
  }

  @Test
  default void should_wait_as_long_as_the_other_side_asked_when_that_is_longer_than_the_backoff() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-1", "1"));

    inbox.take("w", 1, LEASE);
    inbox.fail("d-1", "w", "429 from Slack", true, Duration.ofSeconds(30));
    clock().advance(Duration.ofSeconds(29));
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(1));
    assertThat(inbox.take("w", 1, LEASE)).hasSize(1);
  }

  @Test
  default void should_retry_after_a_growing_backoff_then_give_up_when_failures_are_transient() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-1", "1"));

    inbox.take("w", 1, LEASE);
    assertThat(inbox.fail("d-1", "w", "503 from tracker", true)).isEqualTo(InboxStatus.PENDING);
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(2));
    assertThat(inbox.take("w", 1, LEASE)).hasSize(1);
    assertThat(inbox.fail("d-1", "w", "503 again", true)).isEqualTo(InboxStatus.PENDING);
    clock().advance(Duration.ofSeconds(3));
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();
    clock().advance(Duration.ofSeconds(1));
    assertThat(inbox.take("w", 1, LEASE)).hasSize(1);

    assertThat(inbox.fail("d-1", "w", "503 for the third time", true)).isEqualTo(InboxStatus.DEAD);
    assertThat(inbox.find("d-1")).hasValueSatisfying(entry -> {
      assertThat(entry.status()).isEqualTo(InboxStatus.DEAD);
      assertThat(entry.lastError()).contains("503 for the third time");
      assertThat(entry.attempts()).isEqualTo(3);
    });
  }

  @Test
  default void should_dead_letter_at_once_and_replay_on_demand_when_the_failure_is_permanent() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-1", "1"));
    inbox.take("w", 1, LEASE);

    assertThat(inbox.fail("d-1", "w", "401 Unauthorized", false)).isEqualTo(InboxStatus.DEAD);
    assertThat(inbox.list(Optional.of(InboxStatus.DEAD), 10)).extracting(InboxEntry::deliveryId)
        .containsExactly("d-1");
    assertThat(inbox.take("w", 1, LEASE)).isEmpty();

    InboxEntry replayed = inbox.replay("d-1");

    assertThat(replayed.status()).isEqualTo(InboxStatus.PENDING);
    assertThat(inbox.take("w", 1, LEASE)).singleElement()
        .satisfies(item -> assertThat(item.attempt()).isEqualTo(1));
    assertThatThrownBy(() -> inbox.replay("d-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void should_dead_letter_when_every_attempt_loses_its_lease() {
    JdbiInbox inbox = inbox(store());
    inbox.accept(delivery("d-1", "1"));

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(inbox.take("w", 1, Duration.ofSeconds(10))).hasSize(1);
      clock().advance(Duration.ofSeconds(11));
    }

    assertThat(inbox.take("w", 1, LEASE)).isEmpty();
    assertThat(inbox.find("d-1")).map(InboxEntry::status).contains(InboxStatus.DEAD);
  }

  @Test
  default void should_keep_a_rejected_body_with_its_reason_when_it_is_not_a_webhook() {
    JdbiInbox inbox = inbox(store());

    inbox.reject("sha256:abc", "not json", Map.of(), "the body is not JSON");
    inbox.reject("sha256:abc", "not json", Map.of(), "the body is not JSON");

    assertThat(inbox.list(Optional.of(InboxStatus.REJECTED), 10)).singleElement().satisfies(entry -> {
      assertThat(entry.lastError()).contains("the body is not JSON");
      assertThat(entry.run()).isEmpty();
    });
    assertThat(inbox.take("w", 10, LEASE)).isEmpty();
  }
}
