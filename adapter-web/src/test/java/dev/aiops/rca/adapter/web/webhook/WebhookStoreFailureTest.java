package dev.aiops.rca.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook the store cannot take is answered 503 with {@code Retry-After}, whatever the store threw, and so is one
 * that arrives while too many wait on the store already.
 */
class WebhookStoreFailureTest {

  private RcaHttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void should_answer_503_with_retry_after_when_the_pool_is_exhausted() throws Exception {
    start(() -> new TransientPortException("Connection is not available, request timed out after 5000ms"));

    HttpResponse<String> answer = post();

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue(WebhookRoutes.STORE_RETRY_AFTER_SECONDS);
    assertThat(answer.body()).contains("store_unavailable").doesNotContain("5000ms");
  }

  @Test
  void should_answer_503_with_retry_after_when_the_store_fails_unexpectedly() throws Exception {
    start(() -> new IllegalStateException("a bug below the route"));

    HttpResponse<String> answer = post();

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body()).doesNotContain("a bug");
  }

  @Test
  void should_answer_503_with_retry_after_at_once_when_too_many_webhooks_wait_on_the_store() throws Exception {
    CountDownLatch inside = new CountDownLatch(WebhookRoutes.MAX_STORING);
    CountDownLatch release = new CountDownLatch(1);
    start(() -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new TransientPortException("released");
    });
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    try {
      for (int i = 0; i < WebhookRoutes.MAX_STORING; i++) {
        waiting.add(client.sendAsync(request(), HttpResponse.BodyHandlers.ofString()));
      }
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> shed = post();

      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(shed.headers().firstValue("Retry-After")).hasValue(WebhookRoutes.STORE_RETRY_AFTER_SECONDS);
    } finally {
      release.countDown();
    }
    for (CompletableFuture<HttpResponse<String>> answer : waiting) {
      assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }
  }

  private void start(Supplier<RuntimeException> failure) {
    InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
    ReceiveWebhookUseCase failing = new ReceiveWebhookUseCase() {
      @Override
      public IntakeResult receive(Source source, String body, Map<String, String> headers) {
        throw failure.get();
      }

      @Override
      public Set<Source> sources() {
        return Set.of(Source.DATABRICKS);
      }
    };
    server = new RcaHttpServer("127.0.0.1", 0, new QueryIncidentsService(incidents, incidents, incidents),
        Optional.of(failing), WebhookGuard.OPEN).start();
  }

  private HttpResponse<String> post() throws Exception {
    return client.send(request(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/databricks"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"run_id\":1}")).build();
  }
}
