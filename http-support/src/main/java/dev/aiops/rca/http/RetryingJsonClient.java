package dev.aiops.rca.http;

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
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to one REST API and answers with the JSON object that came back, retrying transient failures
 * with jittered exponential backoff or the wait the server asked for, within a bounded number of attempts.
 */
public final class RetryingJsonClient {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingJsonClient.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** Statuses on which a request that is not idempotent may be sent again: the server did not act on it. */
  private static final Set<Integer> SAFE_TO_RESEND = Set.of(429, 503);

  private final String service;
  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param service the API's name in debug logs, such as {@code "jira"}
   */
  public RetryingJsonClient(String service, HttpTransport transport, RetryPolicy policy) {
    this.service = Objects.requireNonNull(service, "service");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Sends {@code request} with {@code Accept: application/json}, the policy's timeout and the authorization's
   * header, until it succeeds, fails for good, or the attempts run out.
   *
   * @param call the call, for logs
   * @param idempotent whether any transient failure may be retried; otherwise only 429 and 503 are, on which the
   *     server certainly did not act
   * @return the answer's JSON object; an empty one for an empty body (204 No Content)
   * @throws PortException from {@code errors}: the last failure, or the first permanent one
   */
  public JsonNode send(
      String call, HttpRequest.Builder request, boolean idempotent, Authorization authorization, ErrorMapper errors) {
    return exchange(call, request, idempotent, authorization, errors, true);
  }

  /**
   * As {@link #send}, for an API whose success answer is not JSON (a Teams incoming webhook answers {@code 1}):
   * any 2xx is success, whatever its body.
   */
  public void deliver(
      String call, HttpRequest.Builder request, boolean idempotent, Authorization authorization, ErrorMapper errors) {
    exchange(call, request, idempotent, authorization, errors, false);
  }

  private JsonNode exchange(String call, HttpRequest.Builder request, boolean idempotent,
      Authorization authorization, ErrorMapper errors, boolean json) {
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      String header = authorization.header();
      HttpRequest.Builder attempted = request.copy()
          .timeout(policy.requestTimeout())
          .header("Accept", "application/json");
      if (!header.isEmpty()) {
        attempted.header("Authorization", header);
      }
      HttpRequest built = attempted.build();
      PortException failure;
      boolean resendable;
      long started = System.nanoTime();
      try {
        HttpResponse<String> response = transport.http().send(built, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        LOG.debug("{} {} {} -> {} in {} ms", service, built.method(), call, status, millisSince(started));
        if (status / 100 == 2) {
          return json ? parse(response.body(), errors) : mapper.createObjectNode();
        }
        if (status == 401 && !renewed && authorization.renewAfterRefusal(header)) {
          renewed = true;
          attempt--; // the renewal is not the server failing: it does not use up an attempt
          continue;
        }
        failure = errors.fromStatus(status, response.body(), response.headers());
        resendable = idempotent || SAFE_TO_RESEND.contains(status);
      } catch (IOException e) {
        LOG.debug("{} {} {} failed after {} ms: {}", service, built.method(), call, millisSince(started),
            e.getClass().getSimpleName());
        failure = errors.fromTransport(e);
        resendable = idempotent;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw errors.fromTransport(new IOException("interrupted", e));
      }
      if (!failure.isTransient() || !resendable || attempt >= policy.maxAttempts()) {
        throw failure;
      }
      pause(backoff(attempt, (TransientPortException) failure), failure);
    }
  }

  private JsonNode parse(String body, ErrorMapper errors) {
    try {
      JsonNode node = mapper.readTree(body == null || body.isBlank() ? "{}" : body);
      if (node == null || !node.isObject()) {
        throw errors.notJson(body);
      }
      return node;
    } catch (IOException e) {
      throw errors.notJson(body);
    }
  }

  // The server's own Retry-After wins; otherwise full jitter on an exponential base, so that replicas that were
  // throttled together do not come back together.
  private Duration backoff(int attempt, TransientPortException failure) {
    Duration max = policy.maxBackoff();
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

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
