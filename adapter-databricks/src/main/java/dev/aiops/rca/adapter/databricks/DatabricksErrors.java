package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The one place where Databricks answers and transport failures become port exceptions. */
final class DatabricksErrors {

  /** Messages that the Databricks SDKs also treat as "try again": the cluster or its workers are not there yet. */
  private static final List<String> TRANSIENT_MESSAGES = List.of(
      "ClusterNotReadyException", "Unknown worker environment", "does not have any associated worker environments");

  private static final ObjectMapper JSON = new ObjectMapper();

  private DatabricksErrors() {}

  /** What an HTTP answer other than 2xx means, for the call described by {@code call}. */
  static PortException fromStatus(String call, int status, String body, HttpHeaders headers) {
    ErrorBody error = ErrorBody.parse(body, headers);
    String said = " (HTTP " + status + error.describe() + ")";
    if (status == 429) {
      return new TransientPortException(
          "Databricks throttled " + call + said, null, retryAfter(headers));
    }
    if (status >= 500 && status != 501) {
      return new TransientPortException("Databricks failed " + call + said, null, retryAfter(headers));
    }
    if (TRANSIENT_MESSAGES.stream().anyMatch(error.message()::contains)) {
      return new TransientPortException("Databricks is not ready for " + call + said, null, retryAfter(headers));
    }
    if (status == 401) {
      return new PermanentPortException("Databricks refused the credentials for " + call + said
          + ": check DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET");
    }
    if (status == 403) {
      return new PermanentPortException("Databricks denied " + call + said
          + ": check that DATABRICKS_TOKEN is valid and that its principal may view and manage the job's runs");
    }
    if (status == 404 || error.code().equals("RESOURCE_DOES_NOT_EXIST")) {
      return new PermanentPortException("Databricks has no such resource for " + call + said
          + ": runs are removed 60 days after they end");
    }
    if (status >= 300 && status < 400) {
      return new PermanentPortException("Databricks redirected " + call + said
          + ": check DATABRICKS_HOST (a private-link workspace redirects to its login page)");
    }
    return new PermanentPortException("Databricks rejected " + call + said);
  }

  /** A failure below HTTP: a timeout, a refused or reset connection. */
  static PortException fromTransport(String call, IOException e) {
    String what = e instanceof HttpTimeoutException ? "timed out" : "could not be reached";
    return new TransientPortException("Databricks " + what + " for " + call + ": " + e.getClass().getSimpleName(), e);
  }

  /** A 2xx answer whose body is not the JSON that was asked for. */
  static PortException notJson(String call, String body) {
    return new PermanentPortException("Databricks answered " + call + " with something that is not JSON: "
        + ErrorBody.excerpt(body) + " (check DATABRICKS_HOST: a private-link workspace answers with a login page)");
  }

  /**
   * The wait the workspace asked for: {@code Retry-After} in seconds, as Databricks sends it, or as an HTTP date.
   */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** The documented error body {@code {"error_code", "message"}}, read leniently. */
  private record ErrorBody(String code, String message) {

    static ErrorBody parse(String body, HttpHeaders headers) {
      String reason = headers.firstValue("X-Databricks-Reason-Phrase").orElse("");
      try {
        JsonNode node = JSON.readTree(body == null ? "" : body);
        if (node != null && node.isObject()) {
          // error_code is a string in the docs but a number in some real answers (403 "Invalid access token.").
          String code = node.path("error_code").isValueNode() ? node.path("error_code").asText() : "";
          String message = firstText(node, "message", "error", "detail");
          return new ErrorBody(code, message.isEmpty() ? reason : message);
        }
      } catch (IOException notJson) {
        // Jetty HTML pages and plain-text answers are real; keep an excerpt instead.
      }
      return new ErrorBody("", reason.isEmpty() ? excerpt(body) : reason);
    }

    String describe() {
      String text = (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
      return text;
    }

    private static String firstText(JsonNode node, String... fields) {
      for (String field : fields) {
        if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
          return node.path(field).asText().strip();
        }
      }
      return "";
    }

    static String excerpt(String body) {
      if (body == null) {
        return "";
      }
      String text = body.replaceAll("<[^>]{0,200}>", " ").replaceAll("\\s+", " ").strip();
      return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
  }
}
