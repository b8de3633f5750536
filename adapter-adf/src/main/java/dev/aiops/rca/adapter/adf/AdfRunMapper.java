package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps an ADF pipeline run ({@code pipelineruns/get}) and its activity runs ({@code queryActivityruns}, possibly
 * including those of child pipelines) to a {@link FailedRun}. Activity inputs and outputs become task details,
 * and an activity named by a ForEach, ExecutePipeline or If error gets that wrapper as its parent. Stateless and
 * thread-safe.
 */
public final class AdfRunMapper {

  private static final Set<String> WRAPPERS = Set.of("foreach", "executepipeline", "ifcondition", "switch", "until");
  private static final Pattern INNER = Pattern.compile(
      "Inner activity name: (.+?), Error:|^Activity (.+?) failed:");
  // Output fields that only measure the run; they would crowd the ticket.
  private static final Set<String> NOISY_OUTPUT = Set.of("billingReference", "durationInQueue", "dataRead",
      "dataWritten", "copyDuration", "throughput", "usedDataIntegrationUnits", "usedParallelCopies", "errors",
      "executionDuration", "metrics", "dsl", "computeAcquisitionDuration", "token_type", "expires_in",
      "access_token", "firstRow", "value", "count");
  private static final int MAX_VALUE = 300;
  private static final int MAX_DETAILS = 24;

  /** A failure event for a pipeline run read from {@code pipelineruns/get}. */
  public static FailureEvent eventFrom(JsonNode pipelineRun, String factory, Instant receivedAt, String rawPayload) {
    String runId = text(pipelineRun, "runId");
    String pipeline = text(pipelineRun, "pipelineName");
    String message = text(pipelineRun, "message");
    return new FailureEvent(
        RunKey.of(Source.ADF, runId.isBlank() ? "unknown" : runId),
        pipeline,
        pipeline,
        factory,
        instant(text(pipelineRun, "runStart")).orElse(receivedAt),
        message.isBlank() ? Optional.empty() : Optional.of(message),
        rawPayload);
  }

  public FailedRun map(FailureEvent event, JsonNode pipelineRun, List<JsonNode> activityRuns) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(pipelineRun, "pipelineRun");
    Objects.requireNonNull(activityRuns, "activityRuns");
    Map<String, String> parents = parents(activityRuns);
    Map<String, String> startedBy = startedBy(activityRuns);
    List<TaskRun> tasks = new ArrayList<>();
    int index = 0;
    for (JsonNode activity : activityRuns) {
      tasks.add(activity(activity, index++, parents, startedBy));
    }
    String status = text(pipelineRun, "status");
    return new FailedRun(
        event,
        text(pipelineRun, "pipelineName").isBlank() ? event.jobName() : text(pipelineRun, "pipelineName"),
        Optional.empty(),
        new RunState(outcome(status), "", status, text(pipelineRun, "message"), Optional.empty(),
            status.equalsIgnoreCase("Cancelled")),
        tasks,
        annotations(pipelineRun));
  }

  /** The outcome of a pipeline or activity run's {@code status} (Data Factory REST API: Succeeded, Failed ...). */
  static RunOutcome outcome(String status) {
    return switch (status.toLowerCase(java.util.Locale.ROOT)) {
      case "succeeded" -> RunOutcome.SUCCEEDED;
      case "failed" -> RunOutcome.FAILED;
      case "cancelled", "canceled" -> RunOutcome.CANCELLED;
      case "timedout", "timed_out" -> RunOutcome.TIMED_OUT;
      case "skipped" -> RunOutcome.HELD_BACK;
      case "queued", "inprogress", "in_progress", "cancelling", "canceling" -> RunOutcome.RUNNING;
      default -> RunOutcome.OTHER;
    };
  }

  private static TaskRun activity(
      JsonNode activity, int index, Map<String, String> parents, Map<String, String> startedBy) {
    String name = text(activity, "activityName");
    String runId = text(activity, "activityRunId");
    String status = text(activity, "status");
    String pipelineRunId = text(activity, "pipelineRunId");
    Map<String, String> details = new LinkedHashMap<>();
    if (!pipelineRunId.isBlank()) {
      details.put("pipeline_run_id", pipelineRunId);
    }
    flatten(activity.path("input"), "", details, 0, Set.of());
    flatten(activity.path("output"), "", details, 0, NOISY_OUTPUT);
    Optional<String> runPage = Optional.of(text(activity.path("output"), "runPageUrl")).filter(s -> !s.isBlank());
    return new TaskRun(
        name.isBlank() ? "activity " + index : name,
        new RunId(runId.isBlank() ? "activity-" + index : runId),
        text(activity, "activityType").isBlank() ? "Activity" : text(activity, "activityType"),
        List.of(),
        new RunState(outcome(status), "", status, "", Optional.empty(), status.equalsIgnoreCase("Cancelled")),
        0,
        error(activity.path("error")),
        runPage,
        Optional.ofNullable(startedBy.get(pipelineRunId)).or(() -> Optional.ofNullable(parents.get(name))),
        details);
  }

  private static Optional<TaskError> error(JsonNode error) {
    if (!error.isObject()) {
      return Optional.empty();
    }
    String message = text(error, "message");
    String code = text(error, "errorCode");
    String failureType = text(error, "failureType");
    if (message.isBlank() && code.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new TaskError(message, "", "", false, code, failureType));
  }

  /**
   * Child pipeline run id to the ExecutePipeline activity that started it: the activity runs of a child pipeline
   * carry the child's run id, which is the wrapper's {@code output.pipelineRunId}.
   */
  private static Map<String, String> startedBy(List<JsonNode> activityRuns) {
    Map<String, String> startedBy = new HashMap<>();
    for (JsonNode activity : activityRuns) {
      String child = text(activity.path("output"), "pipelineRunId");
      if (!child.isBlank() && !child.equals(text(activity, "pipelineRunId"))) {
        startedBy.putIfAbsent(child, text(activity, "activityName"));
      }
    }
    return startedBy;
  }

  /** Inner activity name to the wrapper whose error names it. */
  private static Map<String, String> parents(List<JsonNode> activityRuns) {
    Map<String, String> parents = new HashMap<>();
    for (JsonNode activity : activityRuns) {
      if (!WRAPPERS.contains(text(activity, "activityType").toLowerCase(Locale.ROOT))) {
        continue;
      }
      Matcher m = INNER.matcher(text(activity.path("error"), "message"));
      if (m.find()) {
        String inner = m.group(1) != null ? m.group(1) : m.group(2);
        parents.putIfAbsent(inner.strip(), text(activity, "activityName"));
      }
    }
    return parents;
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> into, int depth, Set<String> skip) {
    if (into.size() >= MAX_DETAILS) {
      return;
    }
    if (node.isObject() && depth < 5) {
      node.fields().forEachRemaining(e -> {
        if (!skip.contains(e.getKey())) {
          flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), into, depth + 1, skip);
        }
      });
    } else if (node.isArray() && depth < 5 && node.size() <= 3 && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), prefix + "[" + i + "]", into, depth + 1, skip);
      }
    } else if (!node.isMissingNode() && !node.isNull() && !prefix.isEmpty()) {
      String value = node.isValueNode() ? node.asText() : node.toString();
      if (!value.isBlank()) {
        into.put(shortKey(prefix), value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value);
      }
    }
  }

  /** The last two segments of a flattened key: enough to read, short enough for a ticket line. */
  private static String shortKey(String key) {
    String[] parts = key.split("\\.");
    return parts.length <= 2 ? key : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static Map<String, String> annotations(JsonNode pipelineRun) {
    Map<String, String> tags = new LinkedHashMap<>();
    pipelineRun.path("annotations").forEach(a -> tags.put(a.asText(), ""));
    pipelineRun.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    return tags;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
