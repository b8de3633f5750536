package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the Table API with the configured credentials, retrying transient failures with jittered backoff. */
final class ServiceNowApi {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceNowApi.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** Statuses on which a POST, which is not idempotent, may be sent again: ServiceNow did not act on it. */
  private static final Set<Integer> SAFE_TO_RESEND = Set.of(429, 503);

  private final ServiceNowSettings settings;
  private final ServiceNowTransport transport;
  private final ObjectMapper json = new ObjectMapper();

  ServiceNowApi(ServiceNowSettings settings, ServiceNowTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String pathAndQuery, String call) {
    return send(HttpRequest.newBuilder(settings.resolve(pathAndQuery)).GET(), call, true);
  }

  JsonNode post(String path, JsonNode body, String call) {
    return send(withBody(path, "POST", body), call, false);
  }

  /** A PATCH that appends a work note: resent only when ServiceNow did not act on it, or the note would repeat. */
  JsonNode patch(String path, JsonNode body, String call) {
    return send(withBody(path, "PATCH", body), call, false);
  }

  private HttpRequest.Builder withBody(String path, String method, JsonNode body) {
    return HttpRequest.newBuilder(settings.resolve(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private JsonNode send(HttpRequest.Builder builder, String call, boolean idempotent) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = builder.copy()
          .timeout(settings.requestTimeout())
          .header("Accept", "application/json")
          .header("Authorization", settings.auth().header())
          .build();
      PortException failure;
      boolean resendable;
      try {
        HttpResponse<String> response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        LOG.debug("servicenow {} {} -> {}", request.method(), call, status);
        if (status / 100 == 2) {
          return parse(call, response.body());
        }
        failure = ServiceNowErrors.fromStatus(settings, call, status, response.body(), response.headers(),
            Instant.now());
        resendable = idempotent || SAFE_TO_RESEND.contains(status);
      } catch (IOException e) {
        failure = ServiceNowErrors.fromTransport(call, e);
        resendable = idempotent;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ServiceNowErrors.fromTransport(call, new IOException("interrupted", e));
      }
      if (!failure.isTransient() || !resendable || attempt >= settings.maxAttempts()) {
        throw failure;
      }
      pause(backoff(attempt, (TransientPortException) failure), failure);
    }
  }

  private JsonNode parse(String call, String body) {
    try {
      JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
      if (node == null || !node.isObject()) {
        throw ServiceNowErrors.notJson(call, body);
      }
      return node;
    } catch (IOException e) {
      throw ServiceNowErrors.notJson(call, body);
    }
  }

  // The instance's own wait wins; otherwise full jitter on an exponential base.
  private Duration backoff(int attempt, TransientPortException failure) {
    Duration max = settings.maxBackoff();
    if (failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      return asked.compareTo(max) > 0 ? max : asked;
    }
    long ceiling = Math.min(max.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 16));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  private void pause(Duration wait, PortException failure) {
    try {
      transport.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PermanentPortException("interrupted while waiting to retry: " + failure.getMessage(), failure);
    }
  }
}
