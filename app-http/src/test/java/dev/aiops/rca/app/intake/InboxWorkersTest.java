package dev.aiops.rca.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.jdbc.InboxDelivery;
import dev.aiops.rca.adapter.jdbc.InboxSettings;
import dev.aiops.rca.adapter.jdbc.InboxStatus;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workers on a real (in-memory H2) inbox. */
class InboxWorkersTest {

  private final JdbcStore store = JdbcStore.open(JdbcSettings.h2InMemory("workers_" + UUID.randomUUID().toString()
      .replace("-", "")));
  private final JdbiInbox inbox = store.inbox(InboxSettings.defaults(), Clock.systemUTC());

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void should_keep_a_delivery_with_its_worker_when_the_pipeline_outlasts_the_lease() throws Exception {
    AtomicInteger handled = new AtomicInteger();
    inbox.accept(new InboxDelivery("d-1", Samples.databricksEvent("1"), Map.of(), Instant.now()));
    // A 300 ms lease and a pipeline of 1.5 s: without renewals the second worker would take the delivery again.
    InboxWorkers.Settings settings =
        new InboxWorkers.Settings(2, Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofSeconds(5));

    try (InboxWorkers workers = new InboxWorkers(inbox, command -> {
      handled.incrementAndGet();
      pause(Duration.ofMillis(1500));
      return new HandleFailureResult.Skipped(command.event().run(), "slow on purpose");
    }, settings, "t").start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (inbox.counts().getOrDefault(InboxStatus.DONE, 0L) == 0 && System.nanoTime() < deadline) {
        pause(Duration.ofMillis(50));
      }
    }

    assertThat(inbox.counts()).containsEntry(InboxStatus.DONE, 1L);
    assertThat(handled).hasValue(1);
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
