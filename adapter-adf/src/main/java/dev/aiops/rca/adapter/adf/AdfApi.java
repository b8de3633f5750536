package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.URI;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the factory's Data Factory REST API (api-version 2018-06-01) through ARM with a bearer token, retrying
 * transient failures with jittered backoff that honours {@code Retry-After}.
 */
final class AdfApi {

  static final String API_VERSION = "2018-06-01";

  private static final Logger LOG = LoggerFactory.getLogger(AdfApi.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  /** Statuses on which a POST that is not idempotent may be sent again: ARM certainly did not act on it. */
  private static final Set<Integer> SAFE_TO_RESEND = Set.of(429, 503);

  private final AdfSettings settings;
  private final AdfTransport transport;
  private final EntraTokens tokens;
  private final ObjectMapper json = new ObjectMapper();

  AdfApi(AdfSettings settings, AdfTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.tokens = new EntraTokens(settings, transport);
  }

  AdfSettings settings() {
    return settings;
  }

  AdfTransport transport() {
    return transport;
  }

  /**
   * The absolute URL of a path under the factory, with the api-version first and then the given parameters.
   *
   * @param factoryPath a path below the factory such as {@code /pipelineruns/<id>}, its segments already encoded
   */
  URI url(String factoryPath, Map<String, String> query) {
    StringJoiner params = new StringJoiner("&", "?", "");
    params.add("api-version=" + API_VERSION);
    query.forEach((name, value) -> params.add(name + "=" + encode(value)));
    return URI.create(settings.managementUrl() + "/subscriptions/" + segment(settings.subscriptionId())
        + "/resourceGroups/" + segment(settings.resourceGroup())
        + "/providers/Microsoft.DataFactory/factories/" + segment(settings.factoryName()) + factoryPath + params);
  }

  /** {@code GET}; {@code call} names the call in error messages. */
  JsonNode get(URI url, String call) {
    return send(HttpRequest.newBuilder(url).GET(), "GET", call, true);
  }

  /**
   * {@code POST} with a JSON body.
   *
   * @param idempotent whether the call only reads (the query calls), so that any transient failure may be retried;
   *     otherwise it is resent only when ARM certainly did not act on it
   */
  JsonNode post(URI url, JsonNode body, String call, boolean idempotent) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return send(request, "POST", call, idempotent);
  }

  /** A path segment, percent-encoded: run ids and pipeline names come from webhooks and must stay one segment. */
  static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonNode send(HttpRequest.Builder builder, String method, String call, boolean idempotent) {
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
      long started = System.nanoTime();
      try {
        HttpResponse<String> response = transport.http().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        LOG.debug("ARM {} {} -> {} in {} ms", method, call, status, (System.nanoTime() - started) / 1_000_000);
        if (status / 100 == 2) {
          return parse(call, response.body());
        }
        if (status == 401 && !renewedToken) {
          // A token can be revoked, or the clock skewed, before its expiry; one fresh token is worth a try.
          tokens.refused(token);
          renewedToken = true;
          attempt--;
          continue;
        }
        failure = AdfErrors.fromStatus(call, status, response.body(), response.headers(), settings.factoryName());
        resendable = idempotent || SAFE_TO_RESEND.contains(status);
      } catch (IOException e) {
        LOG.debug("ARM {} {} failed after {} ms: {}", method, call, (System.nanoTime() - started) / 1_000_000,
            e.getClass().getSimpleName());
        failure = AdfErrors.fromTransport(call, e);
        resendable = idempotent;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AdfErrors.fromTransport(call, new IOException("interrupted", e));
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
        throw AdfErrors.notJson(call, body);
      }
      return node;
    } catch (IOException e) {
      throw AdfErrors.notJson(call, body);
    }
  }

  // ARM's own Retry-After wins (a request sent before it elapses is not processed and restarts the wait);
  // otherwise full jitter on an exponential base, so that replicas throttled together do not come back together.
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
