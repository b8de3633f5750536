package dev.aiops.rca.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksWebhookReader;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.core.intake.ReceiveWebhookService;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.domain.DeliveryStatus;
import io.javalin.http.UnauthorizedResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook endpoints on a real (in-memory H2) inbox: 202 once stored, 400 with the body kept, 200 if ignored. */
class WebhookHttpTest {

  private static final String FAILURE =
      "{\"event\":\"on_failure\",\"run_id\":123,\"job_id\":42,\"job_name\":\"etl_orders\",\"error_message\":\"x\"}";

  private final JdbcStore store = JdbcStore.open(JdbcSettings.h2InMemory("web_" + UUID.randomUUID().toString()
      .replace("-", "")));
  private final JdbiInbox inbox = store.inbox(Clock.systemUTC());
  private final AtomicInteger runNews = new AtomicInteger();
  private final ReceiveWebhookService intake = new ReceiveWebhookService(List.of(new DatabricksWebhookReader()),
      inbox, () -> { }, runNews::incrementAndGet, Clock.systemUTC());
  private final HttpClient client = HttpClient.newHttpClient();
  private RcaHttpServer server = start(WebhookGuard.OPEN);

  private RcaHttpServer start(WebhookGuard guard) {
    return new RcaHttpServer("127.0.0.1", 0,
        new QueryIncidentsService(store.incidents(), store.audit(), store.remediationLog()), Optional.of(intake), guard)
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_answer_202_accepted_once_stored_and_duplicate_when_sent_again() throws Exception {
    HttpResponse<String> first = post("/webhooks/databricks", FAILURE);
    HttpResponse<String> again = post("/databricks-monitor", FAILURE);
    HttpResponse<String> otherDelivery = post("/webhooks/databricks", FAILURE, "X-Delivery-Id", "retry-2");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.body()).contains("\"status\":\"accepted\"", "\"delivery\":\"sha256:");
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).contains("\"status\":\"duplicate\"");
    assertThat(otherDelivery.body()).contains("\"status\":\"duplicate\"", "hdr:retry-2");
    assertThat(inbox.counts()).containsEntry(DeliveryStatus.PENDING, 1L).containsEntry(DeliveryStatus.DUPLICATE, 1L);
  }

  @Test
  void should_answer_400_and_keep_the_body_when_the_webhook_is_unusable() throws Exception {
    HttpResponse<String> response = post("/webhooks/databricks", "definitely not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"invalid_webhook\"", "\"reason\":\"the body is not JSON");
    assertThat(inbox.list(Optional.of(DeliveryStatus.REJECTED), 10)).hasSize(1);
  }

  @Test
  void should_answer_200_and_store_nothing_when_the_event_is_not_a_failure() throws Exception {
    HttpResponse<String> response = post("/webhooks/databricks",
        "{\"event_type\":\"jobs.on_success\",\"run\":{\"run_id\":1}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("ignored");
    assertThat(inbox.list(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void should_refuse_before_storing_when_the_guard_refuses() throws Exception {
    server.close();
    server = start(ctx -> {
      throw new UnauthorizedResponse("missing API key");
    });

    HttpResponse<String> response = post("/webhooks/databricks", FAILURE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(inbox.list(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void should_tell_of_run_news_when_a_webhook_brings_a_success_or_a_known_run_but_not_a_new_failure()
      throws Exception {
    post("/webhooks/databricks", FAILURE);
    assertThat(runNews).hasValue(0);

    post("/webhooks/databricks", FAILURE, "X-Delivery-Id", "retry-2");
    post("/webhooks/databricks", "{\"event\":\"on_success\",\"run_id\":123,\"job_id\":42}");

    assertThat(runNews).hasValue(2);
  }
}
