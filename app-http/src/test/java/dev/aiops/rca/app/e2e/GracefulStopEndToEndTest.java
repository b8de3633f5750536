package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.out.Notifier;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Stopping while a delivery is in progress (issue 18): webhooks are refused with 503 and a Retry-After while the
 * workers drain, the delivery in progress finishes, the store closes last, and nothing is logged as an error.
 */
class GracefulStopEndToEndTest {

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final CountDownLatch notifying = new CountDownLatch(1);
  private final CountDownLatch letGo = new CountDownLatch(1);
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private E2eService service;

  /** A channel that takes its time: the delivery is in progress until the test lets it go. */
  private final Notifier slowChannel = new Notifier() {
    @Override
    public NotificationRef notify(Notification notification) {
      notifying.countDown();
      try {
        letGo.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new NotificationRef("#alerts", "m-1");
    }

    @Override
    public void update(NotificationRef message, Recurrence recurrence) {
    }

    @Override
    public void refresh(NotificationRef message, Notification current) {
    }

    @Override
    public NotificationRef postSummary(StormSummary summary) {
      return new NotificationRef("#alerts", "summary-1");
    }

    @Override
    public void refreshSummary(NotificationRef message, StormSummary summary) {
    }
  };

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    letGo.countDown();
    if (service != null) {
      service.close();
    }
    root.detachAppender(logs);
    databricks.close();
  }

  private E2eService start() {
    return E2eService.start(data, Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000"), Optional.of(slowChannel));
  }

  @Test
  void should_refuse_webhooks_finish_the_delivery_in_progress_and_log_no_error_when_stopped_mid_delivery()
      throws Exception {
    databricks.run("455644833", fixture("runs-get-multitask-failed.json"))
        .output("455644902", fixture("runs-get-output-notebook-table-not-found.json"));
    E2eService stopping = start();
    assertThat(stopping.post("/webhooks/databricks", fixture("webhook-job-failure.json")).statusCode())
        .isEqualTo(202);
    assertThat(notifying.await(20, TimeUnit.SECONDS)).as("the delivery reached the channel").isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(stopping::close);
    HttpResponse<String> refused = awaitRefusal(stopping);
    letGo.countDown();
    closing.get(30, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("10");
    assertThat(refused.body()).contains("stopping");
    assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(line -> line.contains("already closed"));

    service = start();
    Map<DeliveryStatus, Long> counts = service.wiring().deliveries().counts();
    assertThat(counts.get(DeliveryStatus.DEAD)).isZero();
    assertThat(counts.get(DeliveryStatus.DONE) + counts.get(DeliveryStatus.PENDING)).isEqualTo(1);
    assertThat(service.incidents()).singleElement()
        .satisfies(incident -> assertThat(incident.notification()).isPresent());
  }

  /**
   * Posts the same webhook again until the stopping service refuses it: until the refusal starts it is a duplicate,
   * which adds no delivery to wait for.
   */
  private static HttpResponse<String> awaitRefusal(E2eService stopping) throws InterruptedException {
    String same = fixture("webhook-job-failure.json");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      HttpResponse<String> answer = stopping.post("/webhooks/databricks", same);
      if (answer.statusCode() != 202 && answer.statusCode() != 200 || System.nanoTime() > deadline) {
        return answer;
      }
      Thread.sleep(20);
    }
  }
}
