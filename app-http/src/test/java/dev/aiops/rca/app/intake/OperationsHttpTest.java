package dev.aiops.rca.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.adf.AdfWebhookReader;
import dev.aiops.rca.adapter.databricks.DatabricksWebhookReader;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.adapter.web.metrics.InboxGauges;
import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import dev.aiops.rca.core.intake.AlertWindows;
import dev.aiops.rca.core.intake.DeliveryWorkers;
import dev.aiops.rca.core.intake.ManageDeliveriesService;
import dev.aiops.rca.core.intake.ProcessDeliveryService;
import dev.aiops.rca.core.intake.ReceiveWebhookService;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /metrics, the webhook limits and readiness, on a real (in-memory H2) inbox. */
class OperationsHttpTest {

  private static final String FAILURE =
      "{\"event\":\"on_failure\",\"run_id\":123,\"job_id\":42,\"job_name\":\"etl_orders\",\"error_message\":\"x\"}";
  private static final String ADF_POST = "{\"pipelineRunId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
      + "\"pipelineName\":\"copy_sales\",\"dataFactoryName\":\"adf-prod\",\"message\":\"boom\"}";

  private final JdbcStore store = JdbcStore.open(JdbcSettings.h2InMemory("ops_" + UUID.randomUUID().toString()
      .replace("-", "")));
  private final JdbiInbox inbox = store.inbox(Clock.systemUTC());
  private final HttpClient client = HttpClient.newHttpClient();
  private final ServiceMetrics metrics = new ServiceMetrics();
  private DeliveryWorkers workers;
  private RcaHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (workers != null) {
      workers.close();
    }
    store.close();
  }

  /** Serves both webhook sources with {@code limits}; {@code pipeline} runs on one worker, started. */
  private void start(WebhookLimits limits, HandleFailureUseCase pipeline) {
    ProcessDeliveryService deliveries = new ProcessDeliveryService(inbox, pipeline,
        new AlertWindows(List.of(), inbox, () -> { }, Clock.systemUTC()), ProcessDeliveryService.Settings.defaults(),
        Clock.systemUTC());
    workers = new DeliveryWorkers(deliveries,
        new DeliveryWorkers.Settings(1, Duration.ofMinutes(5), Duration.ofMillis(50), Duration.ofSeconds(2)), "t");
    InboxGauges.register(metrics, new ManageDeliveriesService(inbox, workers::wake), workers::alive, Clock.systemUTC());
    ReceiveWebhookService intake = new ReceiveWebhookService(
        List.of(new DatabricksWebhookReader(), new AdfWebhookReader()), inbox, () -> { }, () -> { },
        Clock.systemUTC());
    server = new RcaHttpServer("127.0.0.1", 0,
        new QueryIncidentsService(store.incidents(), store.audit(), store.remediationLog()), Optional.of(intake),
        WebhookGuard.OPEN, Optional.empty(),
        new HttpOperations(metrics, limits, 1, workers::alive)).start();
    workers.start();
  }

  /** A pipeline that fails every delivery: these tests look at the HTTP side only. */
  private void startWithIdleWorkers(WebhookLimits limits) {
    start(limits, command -> {
      throw new IllegalStateException("not in this test");
    });
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  void should_count_webhooks_by_source_and_outcome_and_show_the_queue_when_metrics_are_scraped() throws Exception {
    startWithIdleWorkers(WebhookLimits.defaults());
    workers.close(); // nothing takes the delivery: it stays in the queue
    post("/webhooks/databricks", FAILURE);
    post("/databricks-monitor", FAILURE);
    post("/webhooks/databricks", "not json");
    post("/webhooks/adf", "not json either");

    HttpResponse<String> scrape = get("/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(scrape.body()).contains(
        "rca_webhooks_total{outcome=\"accepted\",source=\"databricks\"} 1.0",
        "rca_webhooks_total{outcome=\"duplicate\",source=\"databricks\"} 1.0",
        "rca_webhooks_total{outcome=\"rejected\",source=\"databricks\"} 1.0",
        "rca_webhooks_total{outcome=\"rejected\",source=\"adf\"} 1.0",
        "rca_duplicate_deliveries_total{stage=\"intake\"} 1.0",
        "rca_inbox_deliveries{status=\"pending\"} 1.0",
        "rca_inbox_deliveries{status=\"rejected\"} 2.0",
        "rca_inbox_workers_alive 0.0");
    assertThat(scrape.body()).containsPattern("rca_inbox_oldest_pending_seconds [0-9.]+");
  }

  @Test
  void should_answer_413_store_nothing_and_count_a_rejection_when_a_webhook_body_is_over_1_MiB() throws Exception {
    startWithIdleWorkers(WebhookLimits.defaults());
    String huge = "{\"pad\":\"" + "x".repeat((int) WebhookLimits.MAX_BODY_BYTES) + "\"}";

    HttpResponse<String> response = post("/webhooks/databricks", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"too_large\"", "limited to 1048576 bytes", "not stored");
    assertThat(inbox.counts().values()).allMatch(n -> n == 0L);
    assertThat(get("/metrics").body()).contains("rca_webhooks_total{outcome=\"too_large\",source=\"databricks\"} 1.0");
  }

  @Test
  void should_answer_413_and_store_nothing_when_a_body_without_a_length_grows_over_1_MiB() throws Exception {
    startWithIdleWorkers(WebhookLimits.defaults());
    byte[] huge = ("{\"pad\":\"" + "x".repeat((int) WebhookLimits.MAX_BODY_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    // A stream publisher sends the body chunked, without Content-Length: only reading it can find the size.
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/webhooks/adf"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"too_large\"");
    assertThat(inbox.counts().values()).allMatch(n -> n == 0L);
    assertThat(get("/metrics").body()).contains("rca_webhooks_total{outcome=\"too_large\",source=\"adf\"} 1.0");
  }

  @Test
  void should_answer_429_with_retry_after_when_one_source_sends_faster_than_its_rate() throws Exception {
    startWithIdleWorkers(new WebhookLimits(1, 2, WebhookLimits.MAX_BODY_BYTES));

    HttpResponse<String> first = post("/webhooks/databricks", FAILURE);
    HttpResponse<String> second = post("/webhooks/databricks", FAILURE);
    HttpResponse<String> third = post("/webhooks/databricks", FAILURE);
    HttpResponse<String> otherSource = post("/webhooks/adf", ADF_POST);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).contains("1");
    assertThat(third.body()).contains("\"error\":\"too_many_requests\"", "RCA_WEBHOOK_RATE");
    assertThat(otherSource.statusCode()).isNotEqualTo(429);
    assertThat(get("/metrics").body())
        .contains("rca_webhooks_total{outcome=\"rate_limited\",source=\"databricks\"} 1.0");
  }

  @Test
  void should_answer_413_with_the_reason_and_keep_the_body_when_an_adf_body_names_a_thousand_runs()
      throws Exception {
    startWithIdleWorkers(WebhookLimits.defaults());
    String thousandRuns = adfBatch(1_000);

    HttpResponse<String> response = post("/webhooks/adf", thousandRuns);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"too_many_runs\"", "1000 runs", "RCA_MAX_RUNS_PER_WEBHOOK");
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.REJECTED, 1L).containsEntry(DeliveryStatus.PENDING, 0L);
    String id = inbox.list(Optional.of(DeliveryStatus.REJECTED), 1).get(0).deliveryId();
    assertThat(inbox.rawBody(id)).contains(thousandRuns);
    assertThat(get("/metrics").body()).contains("rca_webhooks_total{outcome=\"too_many_runs\",source=\"adf\"} 1.0");
  }

  @Test
  void should_count_each_run_a_body_names_against_the_rate_when_the_body_names_many() throws Exception {
    startWithIdleWorkers(new WebhookLimits(1, 10, WebhookLimits.MAX_BODY_BYTES));
    workers.close(); // nothing takes the deliveries: they stay in the queue

    // A burst of 10: the body gets in on the first token, and its 99 further runs leave the bucket 90 in debt.
    HttpResponse<String> hundredRuns = post("/webhooks/adf", adfBatch(100));
    HttpResponse<String> next = post("/webhooks/adf", ADF_POST);

    assertThat(hundredRuns.statusCode()).isEqualTo(202);
    assertThat(next.statusCode()).isEqualTo(429);
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.PENDING, 100L);
  }

  /** A Logic App's batch: an array of pipeline failure posts, one per run. */
  private static String adfBatch(int runs) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < runs; i++) {
      batch.append(i == 0 ? "" : ",").append(String.format("{\"pipelineRunId\":\"3f2504e0-4f89-11d3-9a0c-%012d\","
          + "\"pipelineName\":\"copy_sales\",\"dataFactoryName\":\"adf-prod\",\"message\":\"boom\"}", i));
    }
    return batch.append("]").toString();
  }

  @Test
  void should_answer_503_on_readiness_when_the_inbox_workers_died() throws Exception {
    start(WebhookLimits.defaults(), command -> {
      throw new AssertionError("a worker-killing error, as an OutOfMemoryError would be");
    });
    HttpResponse<String> before = get("/health/ready");

    post("/webhooks/databricks", FAILURE);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (workers.alive() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    HttpResponse<String> after = get("/health/ready");

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("\"alive\":1", "\"expected\":1");
    assertThat(after.statusCode()).isEqualTo(503);
    assertThat(after.body()).contains("\"error\":\"workers_stopped\"", "1 of 1 inbox workers stopped");
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.PENDING, 1L);
  }
}
