package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/** Calls the workspace's REST API with a bearer token, retrying transient failures with jittered backoff. */
final class DatabricksApi {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** Statuses on which a POST, which is not idempotent, may be sent again: the request was not acted on. */
  private static final Set<Integer> SAFE_TO_RESEND = Set.of(429, 503);

  private final DatabricksSettings settings;
  private final DatabricksTransport transport;
  private final BearerTokens tokens;
  private final ObjectMapper json = new ObjectMapper();

  DatabricksApi(DatabricksSettings settings, DatabricksTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.tokens = BearerTokens.of(settings, transport);
  }

  String host() {
    return settings.host().toString();
  }

  /** {@code GET path?query}; {@code call} names the call in error messages. */
  JsonNode get(String path, Map<String, String> query, String call) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(path + params)).GET();
    return send(request, call, true);
  }

  /** {@code POST path} with a JSON body; resent only when the workspace certainly did not act on it. */
  JsonNode post(String path, JsonNode body, String call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return send(request, call, false);
  }

  private JsonNode send(HttpRequest.Builder builder, String call, boolean idempotent) {
    boolean renewedToken = false;
    for (int attempt = 1; ; attempt++) {
      String token = tokens.current();
      HttpRequest request = builder.copy()
          .timeout(settings.requestTimeout())
          .header("Accept", "application/json")
          .header("Authorization", "Bearer " + token)
          .build();
      PortException failure;
      boolean resendable;
      try {
        HttpResponse<String> response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return parse(call, response.body());
        }
        if (status == 401 && !renewedToken && !(settings.credentials()
            instanceof DatabricksCredentials.PersonalAccessToken)) {
          // An OAuth token can be revoked before its expiry; one fresh token is worth a try.
          tokens.refused(token);
          renewedToken = true;
          attempt--;
          continue;
        }
        failure = DatabricksErrors.fromStatus(call, status, response.body(), response.headers());
        resendable = idempotent || SAFE_TO_RESEND.contains(status);
      } catch (IOException e) {
        failure = DatabricksErrors.fromTransport(call, e);
        resendable = idempotent;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DatabricksErrors.fromTransport(call, new IOException("interrupted", e));
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
        throw DatabricksErrors.notJson(call, body);
      }
      return node;
    } catch (IOException e) {
      throw DatabricksErrors.notJson(call, body);
    }
  }

  // The workspace's own Retry-After wins; otherwise full jitter on an exponential base, so that replicas that were
  // throttled together do not come back together.
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
