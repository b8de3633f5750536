package dev.aiops.rca.app;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.core.intake.AlertWindows;
import dev.aiops.rca.core.intake.DeliveryWorkers;
import dev.aiops.rca.core.intake.ProcessDeliveryService;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.out.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A service process for the crash test: one worker with a 2-second lease whose notifier announces itself in a
 * marker file and then hangs, so that the test can kill the process with SIGKILL in the middle of processing.
 */
public final class CrashingServiceMain {

  private CrashingServiceMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path marker = Path.of(args[0]);
    Notifier hanging = new Notifier() {
      @Override
      public NotificationRef notify(Notification notification) {
        try {
          Files.writeString(marker, "notifying about incident " + notification.incident().id());
          Thread.sleep(Long.MAX_VALUE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("interrupted");
      }

      @Override

      public void refresh(NotificationRef message, Notification current) {

      }


      @Override
      public void update(NotificationRef message, Recurrence recurrence) {
        throw new IllegalStateException("not expected in the crash test");
      }

      @Override
      public NotificationRef postSummary(StormSummary summary) {
        throw new IllegalStateException("not expected in the crash test");
      }

      @Override
      public void refreshSummary(NotificationRef message, StormSummary summary) {
        throw new IllegalStateException("not expected in the crash test");
      }
    };
    AppConfig config = AppConfig.from(ConfigSource.load(System.getenv(), Path.of("no.env")));
    Wiring wiring = new Wiring(config, Clock.systemUTC(), hanging);
    // One worker on two-second leases, so that the survivor takes over soon after the kill.
    Duration lease = Duration.ofSeconds(2);
    ProcessDeliveryService deliveries = new ProcessDeliveryService(wiring.inbox(), wiring.handleFailure()::handleClaimed,
        new AlertWindows(List.of(), wiring.inbox(), () -> { }, Clock.systemUTC()),
        new ProcessDeliveryService.Settings(lease, Duration.ofDays(1), RetryPolicy.defaults()), Clock.systemUTC());
    new DeliveryWorkers(deliveries, new DeliveryWorkers.Settings(1, lease, Duration.ofMillis(100),
        Duration.ofSeconds(1)), "doomed").start();
    Thread.sleep(Long.MAX_VALUE);
  }
}
