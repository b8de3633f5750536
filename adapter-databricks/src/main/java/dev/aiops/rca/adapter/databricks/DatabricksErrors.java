package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.http.ErrorMapper;
import dev.aiops.rca.http.HttpFailures;
import dev.aiops.rca.http.RetryAfter;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** The one place where Databricks answers and transport failures become port exceptions. */
final class DatabricksErrors {

  /** Messages that the Databricks SDKs also treat as "try again": the cluster or its workers are not there yet. */
  private static final List<String> TRANSIENT_MESSAGES = List.of(
      "ClusterNotReadyException", "Unknown worker environment", "does not have any associated worker environments");

  private static final ObjectMapper JSON = new ObjectMapper();

  private DatabricksErrors() {}

  /** This adapter's wording for the failures of {@code call}. */
  static ErrorMapper forCall(String call) {
    return ErrorMapper.of((status, body, headers) -> fromStatus(call, status, body, headers),
        e -> fromTransport(call, e), body -> notJson(call, body));
  }

  /** What an HTTP answer other than 2xx means, for the call described by {@code call}. */
  static PortException fromStatus(String call, int status, String body, HttpHeaders headers) {
    ErrorBody error = ErrorBody.parse(body, headers);
    String said = " (HTTP " + status + error.describe() + ")";
    Optional<PortException> retryable =
        HttpFailures.retryable("Databricks", call, status, said, RetryAfter.from(headers));
    if (retryable.isPresent()) {
      return retryable.get();
    }
    if (TRANSIENT_MESSAGES.stream().anyMatch(error.message()::contains)) {
      return new TransientPortException("Databricks is not ready for " + call + said, null, RetryAfter.from(headers));
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
    if (HttpFailures.isRedirect(status)) {
      return new PermanentPortException("Databricks redirected " + call + said
          + ": check DATABRICKS_HOST (a private-link workspace redirects to its login page)");
    }
    return new PermanentPortException("Databricks rejected " + call + said);
  }

  /** A failure below HTTP: a timeout, a refused or reset connection. */
  static PortException fromTransport(String call, IOException e) {
    return HttpFailures.unreachable("Databricks", call, e);
  }

  /** A 2xx answer whose body is not the JSON that was asked for. */
  static PortException notJson(String call, String body) {
    return HttpFailures.notJson("Databricks", call, body,
        "check DATABRICKS_HOST: a private-link workspace answers with a login page");
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
      return new ErrorBody("", reason.isEmpty() ? HttpFailures.excerpt(body) : reason);
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
  }
}
