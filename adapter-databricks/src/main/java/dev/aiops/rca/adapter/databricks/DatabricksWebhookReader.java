package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import dev.aiops.rca.port.out.WebhookReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the webhook bodies that reach the service from Databricks: notification-destination webhooks
 * ({@code {"event_type":"jobs.on_failure","run":{...},"job":{...}}}, job- or task-level, ids as strings or numbers)
 * and the simple legacy shape {@code {"event":"on_failure","run_id":...,"job_id":...}}.
 */
public final class DatabricksWebhookReader implements WebhookReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FAILURES = Set.of("jobs.on_failure", "on_failure", "failure", "failed");
  private static final int MAX_ID_LENGTH = 64;

  @Override
  public Source source() {
    return Source.DATABRICKS;
  }

  /** Reads one body as received; the body is kept verbatim in the event. */
  @Override
  public WebhookReading read(String body, Instant receivedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return new WebhookReading.Unusable("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new WebhookReading.Unusable("the body is not a JSON object");
    }
    boolean notification = root.has("event_type");
    String eventType = text(notification ? root.path("event_type") : root.path("event"));
    if (eventType.isEmpty()) {
      return new WebhookReading.Unusable("no event_type (or legacy event) field");
    }
    // A task-level notification names the task run; the job run is its parent, and incidents are kept per job run.
    String runId = notification
        ? first(root.path("run").path("parent_run_id"), root.path("run").path("run_id"))
        : first(root.path("parent_run_id"), root.path("run_id"));
    if (runId.isEmpty()) {
      return new WebhookReading.Unusable("no run id (run.run_id, or run_id in the legacy shape)");
    }
    if (runId.length() > MAX_ID_LENGTH || !runId.matches("\\d+")) {
      return new WebhookReading.Unusable("the run id is not a Databricks run id: " + abbreviate(runId));
    }
    if (!positiveInt64(runId)) {
      return new WebhookReading.Unusable("the run id must be a positive 64-bit number, was " + abbreviate(runId));
    }
    RunKey run = RunKey.of(Source.DATABRICKS, runId);
    if (!FAILURES.contains(eventType.toLowerCase(Locale.ROOT))) {
      return new WebhookReading.Ignored(eventType + " for run " + runId + " is recorded; only failures are analysed");
    }
    String jobId = notification ? text(root.path("job").path("job_id")) : text(root.path("job_id"));
    String jobName = notification ? text(root.path("job").path("name")) : text(root.path("job_name"));
    String workspace = text(root.path("workspace_id"));
    Optional<String> error = optional(root.path("error_message"));
    FailureEvent event = new FailureEvent(run, jobId, jobName, workspace, receivedAt, error, body);
    return WebhookReading.RunFailures.of(event);
  }

  // Databricks run ids are int64 and start at 1: anything else cannot name a run, and would only be fetched in vain.
  private static boolean positiveInt64(String digits) {
    try {
      return Long.parseLong(digits) > 0;
    } catch (NumberFormatException beyondInt64) {
      return false;
    }
  }

  private static String first(JsonNode... nodes) {
    for (JsonNode node : nodes) {
      String value = text(node);
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  // Ids arrive as JSON strings in the documented examples and as numbers in real payloads: accept both.
  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return "";
    }
    return node.isNumber() ? node.asText() : node.asText("").strip();
  }

  private static Optional<String> optional(JsonNode node) {
    String value = text(node);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
