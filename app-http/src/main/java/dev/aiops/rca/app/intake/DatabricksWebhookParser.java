package dev.aiops.rca.app.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.time.Instant;
import java.util.Optional;

/**
 * Databricks failure webhooks in two shapes: the job notification webhook
 * ({@code {"event_type":"jobs.on_failure","run":{"run_id":..},"job":{"job_id":..,"name":..},"workspace_id":..}})
 * and the legacy shape ({@code {"event":"on_failure","run_id":..,"job_id":..,"job_name":..,"error_message":..}}).
 * Ids may be strings or numbers.
 */
public final class DatabricksWebhookParser implements WebhookParser {

  private static final int MAX_ID = 200;
  private static final int MAX_NAME = 500;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public ParsedWebhook parse(String body, Instant receivedAt) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      return new ParsedWebhook.Rejected("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return new ParsedWebhook.Rejected("the body is not a JSON object");
    }
    if (root.has("event_type")) {
      return notification(root, body, receivedAt);
    }
    if (root.has("event")) {
      return legacy(root, body, receivedAt);
    }
    return new ParsedWebhook.Rejected("neither event_type nor event is present: not a Databricks webhook");
  }

  private static ParsedWebhook notification(JsonNode root, String body, Instant receivedAt) {
    String type = text(root.get("event_type")).orElse("");
    if (!type.equals("jobs.on_failure")) {
      return new ParsedWebhook.Ignored("event_type " + type + " is not a failure");
    }
    Optional<String> runId = text(root.path("run").get("run_id"));
    if (runId.isEmpty()) {
      return new ParsedWebhook.Rejected("run.run_id is missing or not a string or number");
    }
    JsonNode job = root.path("job");
    return failure(runId.get(), text(job.get("job_id")).orElse(""), text(job.get("name")).orElse(""),
        text(root.get("workspace_id")).orElse(""), Optional.empty(), body, receivedAt);
  }

  private static ParsedWebhook legacy(JsonNode root, String body, Instant receivedAt) {
    String event = text(root.get("event")).orElse("");
    if (!event.equals("on_failure")) {
      return new ParsedWebhook.Ignored("event " + event + " is not a failure");
    }
    Optional<String> runId = text(root.get("run_id"));
    if (runId.isEmpty()) {
      return new ParsedWebhook.Rejected("run_id is missing or not a string or number");
    }
    return failure(runId.get(), text(root.get("job_id")).orElse(""), text(root.get("job_name")).orElse(""),
        text(root.get("workspace_id")).or(() -> text(root.get("workspace"))).orElse(""),
        text(root.get("error_message")), body, receivedAt);
  }

  private static ParsedWebhook failure(String runId, String jobId, String jobName, String workspace,
      Optional<String> error, String body, Instant receivedAt) {
    if (runId.length() > MAX_ID) {
      return new ParsedWebhook.Rejected("the run id is longer than " + MAX_ID + " characters");
    }
    return new ParsedWebhook.Failure(new FailureEvent(RunKey.of(Source.DATABRICKS, runId), cut(jobId, MAX_ID),
        cut(jobName, MAX_NAME), cut(workspace, MAX_NAME), receivedAt, error, body));
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** A string or number as text; empty for anything else or blank. */
  private static Optional<String> text(JsonNode node) {
    if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
      return Optional.empty();
    }
    String value = node.asText().strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
