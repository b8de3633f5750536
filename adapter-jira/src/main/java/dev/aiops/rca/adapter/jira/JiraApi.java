package dev.aiops.rca.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls Jira's REST API with the configured credentials, retrying transient failures with jittered backoff. */
final class JiraApi {

  private static final Logger LOG = LoggerFactory.getLogger(JiraApi.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** Statuses on which a write, which is not idempotent, may be sent again: Jira did not act on it. */
  private static final Set<Integer> SAFE_TO_RESEND = Set.of(429, 503);

  private final JiraSettings settings;
  private final JiraTransport transport;
  private final ObjectMapper json = new ObjectMapper();

  JiraApi(JiraSettings settings, JiraTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String path, String call, Optional<String> issueKey) {
    return send(HttpRequest.newBuilder(settings.api(path)).GET(), call, issueKey, true);
  }

  /** A POST that only reads (search), and so may be sent again freely. */
  JsonNode query(String path, JsonNode body, String call) {
    return send(jsonBody(path, "POST", body), call, Optional.empty(), true);
  }

  /** A POST that writes; sent again only when Jira certainly did not act on it. */
  JsonNode post(String path, JsonNode body, String call, Optional<String> issueKey) {
    return send(jsonBody(path, "POST", body), call, issueKey, false);
  }

  /** A PUT: Jira's edits set values, so sending one again does no harm. */
  JsonNode put(String path, JsonNode body, String call, Optional<String> issueKey) {
    return send(jsonBody(path, "PUT", body), call, issueKey, true);
  }

  private HttpRequest.Builder jsonBody(String path, String method, JsonNode body) {
    return HttpRequest.newBuilder(settings.api(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private JsonNode send(HttpRequest.Builder builder, String call, Optional<String> issueKey, boolean idempotent) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = builder.copy()
          .timeout(settings.requestTimeout())
          .header("Accept", "application/json")
          .header("Authorization", settings.auth().header())
          .build();
      PortException failure;
      boolean resendable;
      long started = System.nanoTime();
      try {
        HttpResponse<String> response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        LOG.debug("jira {} {} -> {} in {} ms", request.method(), call, status,
            (System.nanoTime() - started) / 1_000_000);
        if (status / 100 == 2) {
          return parse(call, response.body());
        }
        failure = JiraErrors.fromStatus(settings, call, issueKey, status, response.body(), response.headers());
        resendable = idempotent || SAFE_TO_RESEND.contains(status);
      } catch (IOException e) {
        failure = JiraErrors.fromTransport(call, e);
        resendable = idempotent;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw JiraErrors.fromTransport(call, new IOException("interrupted", e));
      }
      if (!failure.isTransient() || !resendable || attempt >= settings.maxAttempts()) {
        throw failure;
      }
      pause(backoff(attempt, (TransientPortException) failure), failure);
    }
  }

  private JsonNode parse(String call, String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode(); // 204 No Content from edits and transitions
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw JiraErrors.notJson(call, body);
      }
      return node;
    } catch (IOException e) {
      throw JiraErrors.notJson(call, body);
    }
  }

  // Jira's own Retry-After wins; otherwise full jitter on an exponential base, so that replicas throttled together
  // do not come back together.
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
