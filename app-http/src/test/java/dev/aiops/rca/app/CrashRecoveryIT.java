package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker dies in the middle of processing; after restart every accepted delivery is processed exactly once. */
class CrashRecoveryIT {

  /** Distinct errors, so that each run opens its own incident. */
  private static String webhook(int run) {
    return "{\"event\":\"on_failure\",\"run_id\":" + (7000 + run) + ",\"job_id\":" + run
        + ",\"job_name\":\"job_" + run + "\",\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] "
        + "The table or view `prod`.`table_" + run + "` cannot be found.\"}";
  }

  private static AppConfig config(PostgresSchema schema) {
    return AppConfig.from(ConfigSource.of(schema.environment()));
  }

  /** Stands for the process dying inside the notifier: not a port failure, so nothing catches it. */
  private static final class DyingNotifier implements Notifier {
    @Override
    public NotificationRef notify(Notification notification) {
      throw new IllegalStateException("simulated crash while notifying");
    }

    @Override

    public void refresh(NotificationRef message, Notification current) {

    }


    @Override
    public void update(NotificationRef message, Recurrence recurrence) {
      throw new IllegalStateException("simulated crash while updating");
    }

    @Override
    public NotificationRef postSummary(StormSummary summary) {
      throw new IllegalStateException("simulated crash while summarizing");
    }

    @Override
    public void refreshSummary(NotificationRef message, StormSummary summary) {
      throw new IllegalStateException("simulated crash while summarizing");
    }
  }

  @Test
  void should_process_each_delivery_once_when_a_worker_abandons_its_leases_mid_pipeline() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      try (Wiring crashed = new Wiring(config(schema), Clock.systemUTC(), new DyingNotifier())) {
        for (int run = 1; run <= 5; run++) {
          crashed.receiveWebhook().receive(Source.DATABRICKS, webhook(run), Map.of());
        }
        List<DeliveryItem> taken = crashed.inbox().take("doomed-worker", 10, Duration.ofSeconds(1));
        assertThat(taken).hasSize(5);
        for (DeliveryItem item : taken) {
          assertThatThrownBy(() -> crashed.handleFailure().handle(
              new HandleFailureCommand((FailureEvent) item.report(), item.deliveryId()))).hasMessageContaining("simulated crash");
        }
        // The worker is gone: nothing completes or fails its deliveries, their leases simply run out.
      }
      assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(5);
      assertThat(schema.count("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'")).isEqualTo(5);

      InMemoryNotifier notifier = new InMemoryNotifier();
      try (Wiring restarted = new Wiring(config(schema), Clock.systemUTC(), notifier)) {
        restarted.workers().start();
        ExactlyOnceAcrossReplicasIT.awaitDone(restarted, Duration.ofSeconds(30));

        assertThat(restarted.inbox().counts()).containsEntry(DeliveryStatus.DONE, 5L)
            .containsEntry(DeliveryStatus.DEAD, 0L);
        assertThat(restarted.incidents().list(IncidentQuery.all(10))).hasSize(5).allSatisfy(incident -> {
          assertThat(incident.ticket()).isPresent();
          assertThat(incident.notification()).isPresent();
        });
      }
      assertThat(schema.count("SELECT COUNT(*) FROM incidents")).isEqualTo(5);
      assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(5);
      assertThat(notifier.sent()).hasSize(5);
      assertThat(schema.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'DUPLICATE_DELIVERY'")).isZero();
      assertThat(schema.count("SELECT COUNT(*) FROM effects WHERE state <> 'DONE'")).isZero();
    }
  }

  @Test
  void should_process_each_delivery_once_when_the_service_process_is_killed_with_sigkill(@TempDir Path dir)
      throws Exception {
    try (PostgresSchema schema = PostgresSchema.create()) {
      InMemoryNotifier notifier = new InMemoryNotifier();
      try (Wiring survivor = new Wiring(config(schema), Clock.systemUTC(), notifier)) {
        for (int run = 1; run <= 3; run++) {
          survivor.receiveWebhook().receive(Source.DATABRICKS, webhook(run), Map.of());
        }
        Path marker = dir.resolve("notifying");
        ProcessBuilder builder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), CrashingServiceMain.class.getName(), marker.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("doomed.log").toFile());
        builder.environment().putAll(schema.environment());
        Process doomed = builder.start();
        try {
          awaitFile(marker, Duration.ofSeconds(60), doomed);
        } finally {
          doomed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
          assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(doomed.exitValue()).isEqualTo(137);
        assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(1);
        assertThat(schema.count("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'")).isEqualTo(3);

        survivor.workers().start();
        ExactlyOnceAcrossReplicasIT.awaitDone(survivor, Duration.ofSeconds(30));

        assertThat(survivor.inbox().counts()).containsEntry(DeliveryStatus.DONE, 3L);
      }
      assertThat(schema.count("SELECT COUNT(*) FROM incidents")).isEqualTo(3);
      assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(3);
      assertThat(notifier.sent()).hasSize(3);
      assertThat(schema.count("SELECT COUNT(*) FROM incidents WHERE notification_message_id IS NULL")).isZero();
      assertThat(schema.count("SELECT COUNT(*) FROM effects WHERE state <> 'DONE'")).isZero();
    }
  }

  private static void awaitFile(Path file, Duration timeout, Process process) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!Files.exists(file)) {
      if (!process.isAlive()) {
        throw new AssertionError("the service process exited with " + process.exitValue() + " before the crash point");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the service process did not reach the crash point within " + timeout);
      }
      Thread.sleep(100);
    }
  }
}
