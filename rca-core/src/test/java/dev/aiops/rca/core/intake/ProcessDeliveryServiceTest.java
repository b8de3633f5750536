package dev.aiops.rca.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.testkit.DeliveryInboxContract;
import dev.aiops.rca.testkit.InMemoryDeliveryInbox;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Settling deliveries by the retry policy, and expanding alert windows, on the in-memory inbox. */
class ProcessDeliveryServiceTest {

  private static final Duration LEASE = Duration.ofMinutes(5);
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryDeliveryInbox inbox = new InMemoryDeliveryInbox(incidents, incidents, clock);
  private final List<HandleFailureCommand> handled = new ArrayList<>();
  private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30));

  private ProcessDeliveryService service(Function<HandleFailureCommand, HandleFailureResult> pipeline,
      FailedRunSource... windowSources) {
    HandleFailureUseCase recording = command -> {
      handled.add(command);
      return pipeline.apply(command);
    };
    return new ProcessDeliveryService(inbox, recording, new AlertWindows(List.of(windowSources), inbox, () -> { },
        clock), new ProcessDeliveryService.Settings(LEASE, Duration.ofDays(14), retry), clock);
  }

  private static HandleFailureResult skipped(HandleFailureCommand command) {
    return new HandleFailureResult.Skipped(command.event().run(), "fine");
  }

  @Test
  void should_hand_a_run_to_the_pipeline_as_its_claimant_and_mark_the_delivery_done() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));

    Optional<DeliveryStatus> status = service(ProcessDeliveryServiceTest::skipped).processNext("w");

    assertThat(status).contains(DeliveryStatus.DONE);
    assertThat(handled).singleElement().satisfies(command -> {
      assertThat(command.deliveryId()).isEqualTo("d-1");
      assertThat(command.event()).isEqualTo(Samples.databricksEvent("1"));
    });
    assertThat(service(ProcessDeliveryServiceTest::skipped).processNext("w")).isEmpty();
  }

  @Test
  void should_retry_after_a_growing_backoff_then_give_up_when_failures_are_transient() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));
    ProcessDeliveryService service = service(command -> {
      throw new TransientPortException("503 from the tracker");
    });

    assertThat(service.processNext("w")).contains(DeliveryStatus.PENDING);
    assertThat(service.processNext("w")).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(service.processNext("w")).contains(DeliveryStatus.PENDING);
    clock.advance(Duration.ofSeconds(3));
    assertThat(service.processNext("w")).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    assertThat(service.processNext("w")).contains(DeliveryStatus.DEAD);
    assertThat(inbox.find("d-1")).hasValueSatisfying(entry -> {
      assertThat(entry.lastError()).hasValueSatisfying(error -> assertThat(error).contains("503 from the tracker"));
      assertThat(entry.attempts()).isEqualTo(3);
    });
  }

  @Test
  void should_wait_as_long_as_the_other_side_asked_when_that_is_longer_than_the_backoff() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));
    ProcessDeliveryService service = service(command -> new HandleFailureResult.Handled(
        incidents.file(Samples.draft("1", 'a', Samples.T0)), Optional.empty(), List.of("Slack answered 429"), Optional.of(Duration.ofSeconds(30))));

    assertThat(service.processNext("w")).contains(DeliveryStatus.PENDING);
    clock.advance(Duration.ofSeconds(29));
    assertThat(service.processNext("w")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(service.processNext("w")).isPresent();
    assertThat(inbox.find("d-1")).flatMap(DeliveryEntry::lastError)
        .hasValueSatisfying(error -> assertThat(error).contains("Slack answered 429"));
  }

  @Test
  void should_dead_letter_at_once_when_the_failure_is_permanent_or_a_bug() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));
    inbox.accept(DeliveryInboxContract.delivery("d-2", "2"));
    ProcessDeliveryService service = service(command -> {
      if (command.deliveryId().equals("d-1")) {
        throw new PermanentPortException("401 Unauthorized");
      }
      throw new IllegalStateException("a bug");
    });

    assertThat(service.processNext("w")).contains(DeliveryStatus.DEAD);
    assertThat(service.processNext("w")).contains(DeliveryStatus.DEAD);
    assertThat(inbox.list(Optional.of(DeliveryStatus.DEAD), 10)).extracting(e -> e.lastError().orElseThrow())
        .anySatisfy(error -> assertThat(error).contains("401 Unauthorized"))
        .anySatisfy(error -> assertThat(error).contains("IllegalStateException: a bug"));
  }

  @Test
  void should_dead_letter_when_every_attempt_loses_its_lease() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));
    for (int attempt = 0; attempt < retry.maxAttempts(); attempt++) {
      assertThat(inbox.take("crashing", 1, Duration.ofSeconds(10))).hasSize(1);
      clock.advance(Duration.ofSeconds(11));
    }

    assertThat(service(ProcessDeliveryServiceTest::skipped).processNext("w")).contains(DeliveryStatus.DEAD);
    assertThat(handled).isEmpty();
    assertThat(inbox.find("d-1")).flatMap(DeliveryEntry::lastError)
        .hasValueSatisfying(error -> assertThat(error).contains("lease expired"));
  }

  @Test
  void should_store_each_failed_run_of_an_alert_window_as_a_delivery_that_claims_its_run() {
    AlertWindow window = DeliveryInboxContract.window("alert-1");
    String windowId = "alert:" + window.key();
    inbox.accept(new Delivery(windowId, window, Map.of(), clock.instant()));
    inbox.accept(new Delivery("by-id", adfEvent("run-b", window), Map.of(), clock.instant()));
    FailedRunSource adf = windowSource(List.of(adfEvent("run-a", window), adfEvent("run-b", window)));
    ProcessDeliveryService service = service(ProcessDeliveryServiceTest::skipped, adf);

    assertThat(service.processNext("w")).contains(DeliveryStatus.DONE);
    while (service.processNext("w").isPresent()) {
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(handled).extracting(HandleFailureCommand::deliveryId)
        .containsExactlyInAnyOrder(windowId + "/run-a", "by-id");
    assertThat(inbox.find(windowId + "/run-b")).map(DeliveryEntry::status).contains(DeliveryStatus.DUPLICATE);
  }

  @Test
  void should_report_each_run_found_in_an_alert_window_with_the_alerts_severity() {
    AlertWindow plain = DeliveryInboxContract.window("alert-sev");
    AlertWindow window = new AlertWindow(plain.source(), plain.workspace(), plain.jobName(), plain.taskName(),
        plain.windowStart(), plain.windowEnd(), plain.signal(), plain.alertId(), plain.firedAt(), plain.rawPayload(),
        Optional.of(AlertSeverity.SEV1));
    inbox.accept(new Delivery("alert:" + window.key(), window, Map.of(), clock.instant()));
    ProcessDeliveryService service = service(ProcessDeliveryServiceTest::skipped,
        windowSource(List.of(adfEvent("run-a", window))));

    while (service.processNext("w").isPresent()) {
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(handled).singleElement()
        .satisfies(command -> assertThat(command.event().alertSeverity()).contains(AlertSeverity.SEV1));
  }

  @Test
  void should_dead_letter_an_alert_window_with_the_reason_when_its_platform_cannot_search_runs() {
    AlertWindow window = DeliveryInboxContract.window("alert-1");
    inbox.accept(new Delivery("alert:" + window.key(), window, Map.of(), clock.instant()));

    assertThat(service(ProcessDeliveryServiceTest::skipped).processNext("w")).contains(DeliveryStatus.DEAD);
    assertThat(inbox.find("alert:" + window.key())).flatMap(DeliveryEntry::lastError)
        .hasValueSatisfying(error -> assertThat(error).contains("ADF is not configured to search its runs"));
  }

  @Test
  void should_drop_the_bodies_of_deliveries_finished_before_the_retention() {
    inbox.accept(DeliveryInboxContract.delivery("d-1", "1"));
    ProcessDeliveryService service = service(ProcessDeliveryServiceTest::skipped);
    service.processNext("w");

    assertThat(service.prune()).isZero();
    clock.advance(Duration.ofDays(15));
    assertThat(service.prune()).isEqualTo(1);
    assertThat(inbox.rawBody("d-1")).contains("");
  }

  private static FailureEvent adfEvent(String runId, AlertWindow window) {
    return new FailureEvent(RunKey.of(Source.ADF, runId), "PL_Sales", "PL_Sales", "adf-prod", Samples.T0,
        Optional.empty(), window.rawPayload());
  }

  private static FailedRunSource windowSource(List<FailureEvent> runs) {
    return new FailedRunSource() {
      @Override
      public Source source() {
        return Source.ADF;
      }

      @Override
      public FailedRun fetch(FailureEvent event) {
        throw new UnsupportedOperationException("not asked here");
      }

      @Override
      public List<FailureEvent> failedRunsIn(AlertWindow window) {
        return runs;
      }
    };
  }
}
