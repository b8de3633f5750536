package dev.aiops.rca.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.InMemoryDeliveryInbox;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemorySweepLedger;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sweep against in-memory platforms, inbox and ledger, on a clock the test moves. */
class ReconcileServiceTest {

  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final RunKey RUN = RunKey.of(Source.DATABRICKS, "7");

  private final MutableClock clock = new MutableClock(Samples.T0.plus(Duration.ofMinutes(5)));
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryDeliveryInbox inbox = new InMemoryDeliveryInbox(incidents, incidents, clock);
  private final InMemorySweepLedger ledger = new InMemorySweepLedger();
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS)
      .add(Samples.databricksRun("7", "boom"));
  private final AtomicInteger wakes = new AtomicInteger();
  private final List<ReconcileService.Swept> observed = new ArrayList<>();

  private ReconcileService service() {
    return new ReconcileService(List.of(databricks), inbox, ledger, incidents, wakes::incrementAndGet,
        observed::add, clock);
  }

  @Test
  void should_store_a_failed_run_that_no_webhook_announced_and_count_it() {
    Optional<List<ReconcileService.Swept>> swept = service().sweep("a", INTERVAL);

    assertThat(swept).hasValueSatisfying(all -> assertThat(all).singleElement().satisfies(one -> {
      assertThat(one.found()).isEqualTo(1);
      assertThat(one.unannounced()).isEqualTo(1);
      assertThat(one.failure()).isEmpty();
    }));
    assertThat(inbox.find("sweep:" + RUN)).map(DeliveryEntry::status).contains(DeliveryStatus.PENDING);
    assertThat(wakes).hasValue(1);
    assertThat(observed).hasSize(1);
    assertThat(incidents.auditTrail(RUN)).extracting(AuditEntry::action).contains(AuditAction.FOUND_BY_SWEEP);
  }

  @Test
  void should_store_a_listed_run_redacted_as_a_webhook_body_is() {
    String token = "dapi0123456789abcdef0123456789abcdef";
    FailedRun listed = Samples.databricksRun("8", "boom");
    FailureEvent event = listed.event();
    databricks.add(new FailedRun(new FailureEvent(event.run(), event.jobId(), event.jobName(), event.workspace(),
        event.occurredAt(), Optional.of("login failed with " + token),
        "{\"run_id\":8,\"job_parameters\":{\"api_token\":\"" + token + "\",\"day\":\"2026-12-05\"}}"),
        listed.runName(), listed.runPageUrl(), listed.state(), listed.tasks(), listed.tags()));

    service().sweep("a", INTERVAL);

    assertThat(inbox.rawBody("sweep:DATABRICKS:8")).hasValueSatisfying(body ->
        assertThat(body).doesNotContain(token).contains("\"run_id\":8", "\"day\":\"2026-12-05\""));
  }

  @Test
  void should_leave_a_run_its_webhook_brought_to_that_delivery_and_count_nothing() {
    assertThat(inbox.accept(new Delivery("sha256:webhook", Samples.databricksEvent("7"), Map.of(), clock.instant())))
        .isInstanceOf(IntakeResult.Accepted.class);

    ReconcileService.Swept first = service().sweep("a", INTERVAL).orElseThrow().get(0);
    clock.advance(INTERVAL);
    ReconcileService.Swept second = service().sweep("a", INTERVAL).orElseThrow().get(0);

    assertThat(first.found()).isEqualTo(1);
    assertThat(first.unannounced()).isZero();
    assertThat(second.unannounced()).isZero();
    assertThat(incidents.claim(RUN, "sweep:" + RUN, clock.instant())).isEqualTo(RunClaim.ALREADY_CLAIMED);
    assertThat(inbox.list(Optional.of(DeliveryStatus.PENDING), 10)).extracting(DeliveryEntry::deliveryId)
        .containsExactly("sha256:webhook");
    // The run listed again by the second, overlapping window adds no entry to its trail.
    assertThat(incidents.auditTrail(RUN)).extracting(AuditEntry::action).doesNotContain(AuditAction.FOUND_BY_SWEEP)
        .containsOnlyOnce(AuditAction.DUPLICATE_DELIVERY);
    assertThat(wakes).hasValue(0);
  }

  @Test
  void should_sweep_once_per_interval_when_three_replicas_share_the_ledger() {
    List<ReconcileService> replicas = List.of(service(), service(), service());

    for (int round = 0; round < 3; round++) {
      int swept = 0;
      for (int i = 0; i < replicas.size(); i++) {
        swept += replicas.get(i).sweep("replica-" + i, INTERVAL).isPresent() ? 1 : 0;
      }
      clock.advance(INTERVAL.dividedBy(2));
      for (int i = 0; i < replicas.size(); i++) {
        swept += replicas.get(i).sweep("replica-" + i, INTERVAL).isPresent() ? 1 : 0;
      }
      clock.advance(INTERVAL.dividedBy(2));
      assertThat(swept).as("round %d", round).isEqualTo(1);
    }
    assertThat(databricks.listings()).hasSize(3);
  }

  @Test
  void should_start_each_window_where_the_last_ended_less_the_overlap() {
    Instant start = clock.instant();
    service().sweep("a", INTERVAL);
    clock.advance(INTERVAL);
    service().sweep("a", INTERVAL);

    assertThat(databricks.listings()).containsExactly(
        start.minus(ReconcileService.FIRST_LOOKBACK).minus(ReconcileService.OVERLAP),
        start.minus(ReconcileService.OVERLAP));
    assertThat(ledger.sweptUntil(Source.DATABRICKS)).contains(start.plus(INTERVAL));
  }

  @Test
  void should_keep_the_window_for_the_next_sweep_when_the_platform_cannot_be_listed() {
    Instant start = clock.instant();
    service().sweep("a", INTERVAL);
    databricks.failures().failNext(new TransientPortException("503 from the workspace"));
    clock.advance(INTERVAL);

    ReconcileService.Swept failed = service().sweep("a", INTERVAL).orElseThrow().get(0);
    clock.advance(INTERVAL);
    ReconcileService.Swept retried = service().sweep("a", INTERVAL).orElseThrow().get(0);

    assertThat(failed.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("503"));
    assertThat(failed.from()).isEqualTo(start.minus(ReconcileService.OVERLAP));
    assertThat(retried.from()).isEqualTo(failed.from());
    assertThat(retried.failure()).isEmpty();
    assertThat(ledger.sweptUntil(Source.DATABRICKS)).contains(start.plus(INTERVAL.multipliedBy(2)));
  }

  @Test
  void should_backfill_from_the_given_time_whatever_the_lease_and_leave_the_watermark() {
    assertThat(ledger.lease(ReconcileService.LEASE, "other", clock.instant(), clock.instant().plus(INTERVAL)))
        .isTrue();
    Instant since = clock.instant().minus(Duration.ofHours(24));

    List<ReconcileService.Swept> swept = service().backfill(since);

    assertThat(swept).singleElement().satisfies(one -> assertThat(one.unannounced()).isEqualTo(1));
    assertThat(databricks.listings()).containsExactly(since);
    assertThat(ledger.sweptUntil(Source.DATABRICKS)).isEmpty();
    assertThatThrownBy(() -> service().backfill(clock.instant())).isInstanceOf(IllegalArgumentException.class);
  }
}
