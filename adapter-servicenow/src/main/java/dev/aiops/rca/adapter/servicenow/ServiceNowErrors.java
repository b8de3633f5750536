package dev.aiops.rca.adapter.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The one place where ServiceNow answers and transport failures become port exceptions. */
final class ServiceNowErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceNowErrors() {}

  static PortException fromStatus(
      ServiceNowSettings settings, String call, int status, String body, HttpHeaders headers, Instant now) {
    String said = " (HTTP " + status + describe(body) + ")";
    Optional<PortException> retryable =
        HttpFailures.retryable("ServiceNow", call, status, said, retryAfter(headers, now));
    if (retryable.isPresent()) {
      return retryable.get();
    }
    if (status == 401) {
      return new PermanentPortException("ServiceNow refused the credentials for " + call + said + ": check "
          + settings.auth().settingsToCheck());
    }
    if (status == 403) {
      return new PermanentPortException("ServiceNow denied " + call + said + ": the account of "
          + settings.auth().settingsToCheck() + " needs the itil role (or ACLs to read and write incidents)");
    }
    if (status == 404) {
      return new PermanentPortException("ServiceNow found nothing for " + call + said
          + ": check SERVICENOW_INSTANCE, or the incident was deleted");
    }
    if (HttpFailures.isRedirect(status)) {
      return new PermanentPortException("ServiceNow redirected " + call + said
          + ": check SERVICENOW_INSTANCE (a hibernating developer instance redirects to its wake-up page)");
    }
    return new PermanentPortException("ServiceNow rejected " + call + said);
  }

  static PortException fromTransport(String call, IOException e) {
    return HttpFailures.unreachable("ServiceNow", call, e);
  }

  static PortException notJson(String call, String body) {
    return HttpFailures.notJson("ServiceNow", call, body,
        "check SERVICENOW_INSTANCE: a hibernating instance answers with a web page");
  }

  /**
   * {@code Retry-After} (seconds or an HTTP date), else the rate-limit rule's reset time ({@code X-RateLimit-Reset},
   * Unix time).
   */
  static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    Optional<String> asked = headers.firstValue("Retry-After").filter(value -> !value.isBlank());
    if (asked.isPresent()) {
      return RetryAfter.parse(asked.get(), Clock.fixed(now, ZoneOffset.UTC));
    }
    try {
      Optional<String> reset = headers.firstValue("X-RateLimit-Reset").map(String::strip);
      if (reset.isPresent() && !reset.get().isEmpty()) {
        Duration wait = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.get())));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  // The documented envelope: {"error":{"message","detail"},"status":"failure"}.
  private static String describe(String body) {
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      if (node != null && node.isObject()) {
        String message = node.path("error").path("message").asText("");
        String detail = node.path("error").path("detail").asText("");
        String text = message + (detail.isBlank() || detail.equals(message) ? "" : ": " + detail);
        return text.isBlank() ? "" : ": " + text;
      }
    } catch (IOException notJson) {
      // HTML pages from the instance or a proxy are real; keep an excerpt.
    }
    String excerpt = HttpFailures.excerpt(body);
    return excerpt.isEmpty() ? "" : ": " + excerpt;
  }
}
