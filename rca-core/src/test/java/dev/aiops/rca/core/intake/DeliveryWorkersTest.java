package dev.aiops.rca.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.InMemoryDeliveryInbox;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker threads on an inbox, with the system clock. */
class DeliveryWorkersTest {

  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryDeliveryInbox inbox = new InMemoryDeliveryInbox(incidents, incidents, Clock.systemUTC());

  @Test
  void should_keep_a_delivery_with_its_worker_when_the_pipeline_outlasts_the_lease() throws Exception {
    AtomicInteger handled = new AtomicInteger();
    inbox.accept(new Delivery("d-1", Samples.databricksEvent("1"), Map.of(), Instant.now()));
    // A 300 ms lease and a pipeline of 1.5 s: without renewals the second worker would take the delivery again.
    Duration lease = Duration.ofMillis(300);
    ProcessDeliveryService deliveries = new ProcessDeliveryService(inbox, command -> {
      handled.incrementAndGet();
      pause(Duration.ofMillis(1500));
      return new HandleFailureResult.Skipped(command.event().run(), "slow on purpose");
    }, new AlertWindows(List.of(), inbox, () -> { }, Clock.systemUTC()),
        new ProcessDeliveryService.Settings(lease, Duration.ofDays(1),
            ProcessDeliveryService.Settings.defaults().retry()), Clock.systemUTC());

    try (DeliveryWorkers workers = new DeliveryWorkers(deliveries,
        new DeliveryWorkers.Settings(2, lease, Duration.ofMillis(20), Duration.ofSeconds(5)), "t").start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (inbox.counts().get(DeliveryStatus.DONE) == 0 && System.nanoTime() < deadline) {
        pause(Duration.ofMillis(50));
      }
    }

    assertThat(inbox.counts()).containsEntry(DeliveryStatus.DONE, 1L);
    assertThat(handled).hasValue(1);
  }

  @Test
  void should_release_the_lease_of_a_delivery_still_running_when_the_drain_ends() {
    inbox.accept(new Delivery("d-1", Samples.databricksEvent("1"), Map.of(), Instant.now()));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Duration lease = Duration.ofMinutes(5);
    ProcessDeliveryService deliveries = new ProcessDeliveryService(inbox, command -> {
      started.countDown();
      await(finish);
      return new HandleFailureResult.Skipped(command.event().run(), "outlasts the drain on purpose");
    }, new AlertWindows(List.of(), inbox, () -> { }, Clock.systemUTC()),
        new ProcessDeliveryService.Settings(lease, Duration.ofDays(1),
            ProcessDeliveryService.Settings.defaults().retry()), Clock.systemUTC());
    DeliveryWorkers workers = new DeliveryWorkers(deliveries,
        new DeliveryWorkers.Settings(1, lease, Duration.ofMillis(20), Duration.ofMillis(200)), "t").start();
    await(started);

    workers.close();
    pause(Duration.ofMillis(5));

    // Without the release, another process would wait out the five-minute lease.
    assertThat(inbox.take("next-process", 1, lease)).singleElement()
        .satisfies(item -> assertThat(item.deliveryId()).isEqualTo("d-1"));
    finish.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
