package dev.aiops.rca.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inbox through the running service's API ({@code GET /api/deliveries} with the API key,
 * {@code POST /api/deliveries/{id}/replay} with the operator key), for when the service holds the database.
 */
final class RemoteInbox implements InboxView {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Secret key;
  private final Optional<Secret> operatorKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param key reads the deliveries: the webhook key, or any key the service takes
   * @param operatorKey replays ({@code RCA_OPERATOR_KEY}); the webhook key may not
   */
  RemoteInbox(URI base, Secret key, Optional<Secret> operatorKey) {
    this.base = Objects.requireNonNull(base, "base");
    this.key = Objects.requireNonNull(key, "key");
    this.operatorKey = Objects.requireNonNull(operatorKey, "operatorKey");
  }

  @Override
  public Map<DeliveryStatus, Long> counts() {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    deliveries(Optional.empty(), 1).path("counts").fields()
        .forEachRemaining(e -> counts.put(DeliveryStatus.valueOf(e.getKey()), e.getValue().asLong()));
    return counts;
  }

  @Override
  public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
    List<DeliveryEntry> entries = new ArrayList<>();
    for (JsonNode row : deliveries(status, limit).path("deliveries")) {
      entries.add(new DeliveryEntry(row.path("delivery").asText(), DeliveryStatus.valueOf(row.path("status").asText()),
          text(row, "run"), Instant.parse(row.path("receivedAt").asText()), row.path("attempts").asInt(),
          text(row, "lastError")));
    }
    return entries;
  }

  @Override
  public DeliveryStatus replay(String deliveryId) {
    if (operatorKey.isEmpty()) {
      throw new IllegalStateException("replaying through the service at " + base + " needs its operator key: set "
          + "RCA_OPERATOR_KEY (the webhook key RCA_API_KEY may only read)");
    }
    HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/deliveries/"
        + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8).replace("+", "%20") + "/replay"))
        .POST(HttpRequest.BodyPublishers.noBody()), operatorKey.get());
    JsonNode body = json(answer);
    if (answer.statusCode() == 404) {
      throw new IllegalArgumentException(body.path("reason").asText("no dead delivery " + deliveryId));
    }
    if (answer.statusCode() == 401 || answer.statusCode() == 403) {
      throw new IllegalStateException("the service at " + base + " refused the replay (" + answer.statusCode()
          + "): check that RCA_OPERATOR_KEY is the service's operator key");
    }
    expectOk(answer);
    return DeliveryStatus.valueOf(body.path("status").asText());
  }

  private JsonNode deliveries(Optional<DeliveryStatus> status, int limit) {
    String query = "?limit=" + limit + status.map(s -> "&status=" + s.name()).orElse("");
    HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/deliveries" + query)).GET(), key);
    expectOk(answer);
    return json(answer);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Secret presented) {
    try {
      return http.send(request.header("X-API-Key", presented.reveal()).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no service answers at " + base + " (" + e.getClass().getSimpleName() + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + base, e);
    }
  }

  private void expectOk(HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the service at " + base + " answered " + answer.statusCode()
          + (answer.statusCode() == 401 ? " (check RCA_API_KEY)" : ""));
    }
  }

  private static JsonNode json(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("the service answered something other than JSON", e);
    }
  }

  private static Optional<String> text(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
  }
}
