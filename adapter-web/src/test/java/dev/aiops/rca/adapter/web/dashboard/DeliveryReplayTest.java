package dev.aiops.rca.adapter.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryReplayTest {

  /** Knows one dead delivery, {@code d-1}, and notes what was replayed. */
  private static final class OneDeadDelivery implements ManageDeliveriesUseCase {

    final List<String> replayed = new ArrayList<>();

    @Override
    public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
      return List.of();
    }

    @Override
    public Optional<DeliveryEntry> find(String deliveryId) {
      return Optional.empty();
    }

    @Override
    public Optional<String> rawBody(String deliveryId) {
      return Optional.empty();
    }

    @Override
    public DeliveryEntry replay(String deliveryId) {
      if (!deliveryId.equals("d-1")) {
        throw new IllegalArgumentException("no delivery " + deliveryId);
      }
      replayed.add(deliveryId);
      return new DeliveryEntry(deliveryId, DeliveryStatus.PENDING, Optional.of("DATABRICKS:7"),
          Instant.parse("2026-01-01T00:00:00Z"), 3, Optional.empty());
    }

    @Override
    public Map<DeliveryStatus, Long> counts() {
      return Map.of();
    }

    @Override
    public Optional<Instant> oldestPending() {
      return Optional.empty();
    }
  }

  private final OneDeadDelivery deliveries = new OneDeadDelivery();
  private final Javalin app = Javalin.create(config -> {
    config.startup.showJavalinBanner = false;
    config.routes.post("/replay/{id}", new DeliveryReplay(deliveries));
  }).start("127.0.0.1", 0);

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> replay(String id) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + app.port() + "/replay/" + id))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_answer_the_new_status_when_the_delivery_is_replayed() throws Exception {
    HttpResponse<String> answer = replay("d-1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"delivery\":\"d-1\"", "\"status\":\"PENDING\"");
    assertThat(deliveries.replayed).containsExactly("d-1");
  }

  @Test
  void should_answer_404_with_the_reason_when_there_is_no_such_delivery() throws Exception {
    HttpResponse<String> answer = replay("d-9");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("\"error\":\"not_found\"", "no delivery d-9");
    assertThat(deliveries.replayed).isEmpty();
  }
}
