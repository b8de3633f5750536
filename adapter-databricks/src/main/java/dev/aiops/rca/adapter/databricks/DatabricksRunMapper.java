package dev.aiops.rca.adapter.databricks;

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
import dev.aiops.rca.domain.Termination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a Jobs API {@code runs/get} response and the {@code runs/get-output} responses of its task runs (and of
 * child {@code WORKFLOW_RUN}s started by {@code dbutils.notebook.run}) to a {@link FailedRun}. Stateless and
 * thread-safe; tolerant of missing fields, since real responses omit what does not apply.
 */
public final class DatabricksRunMapper {

  /** Detail key and value that mark a child run, as rca-core's root-task selection expects. */
  static final String RUN_TYPE = "run_type";
  static final String CHILD_RUN = "WORKFLOW_RUN";
  /**
   * The field that {@link DatabricksChildRuns} adds to a child run's output to name the task that started it, which
   * the Jobs API does not say; never a field of Databricks' own.
   */
  static final String CALLER = "rca_caller_task_key";

  private static final int MAX_PARAMETER = 300;

  /** A failure event for a run read from {@code runs/get}, for callers that start from the run itself. */
  public static FailureEvent eventFrom(JsonNode runsGet, String workspace, Instant receivedAt, String rawPayload) {
    String runId = text(runsGet, "run_id");
    long start = runsGet.path("start_time").asLong(0);
    return new FailureEvent(
        RunKey.of(Source.DATABRICKS, runId.isBlank() ? "unknown" : runId),
        text(runsGet, "job_id"),
        text(runsGet, "run_name"),
        workspace,
        start > 0 ? Instant.ofEpochMilli(start) : receivedAt,
        Optional.empty(),
        rawPayload);
  }

  public FailedRun map(FailureEvent event, JsonNode runsGet, Map<String, JsonNode> outputsByTaskRunId) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(runsGet, "runsGet");
    Objects.requireNonNull(outputsByTaskRunId, "outputsByTaskRunId");
    List<TaskRun> tasks = new ArrayList<>();
    Set<String> taskRunIds = new HashSet<>();
    for (JsonNode task : runsGet.path("tasks")) {
      String runId = text(task, "run_id");
      taskRunIds.add(runId);
      tasks.add(task(task, Optional.ofNullable(outputsByTaskRunId.get(runId))));
    }
    List<TaskRun> children = new ArrayList<>();
    outputsByTaskRunId.forEach((runId, output) -> {
      if (!taskRunIds.contains(runId)) {
        children.add(childRun(runId, output, optional(output, CALLER).or(() -> parentOf(tasks))));
      }
    });
    children.sort((a, b) -> a.runId().value().compareTo(b.runId().value()));
    tasks.addAll(children);
    if (tasks.isEmpty() && !outputsByTaskRunId.isEmpty()) {
      // A single-task (2.0-style) run: its own output is the task's.
      JsonNode output = outputsByTaskRunId.values().iterator().next();
      tasks.add(task(runsGet, Optional.of(output)));
    }
    return new FailedRun(
        event,
        text(runsGet, "run_name").isBlank() ? event.jobName() : text(runsGet, "run_name"),
        optional(runsGet, "run_page_url").map(DatabricksLinks::modern),
        state(runsGet),
        tasks,
        tags(runsGet));
  }

  private static TaskRun task(JsonNode task, Optional<JsonNode> output) {
    String name = text(task, "task_key").isBlank() ? text(task, "run_name") : text(task, "task_key");
    String runId = text(task, "run_id");
    List<String> dependsOn = new ArrayList<>();
    task.path("depends_on").forEach(d -> dependsOn.add(text(d, "task_key")));
    return new TaskRun(
        name.isBlank() ? "run " + runId : name,
        new RunId(runId.isBlank() ? "unknown" : runId),
        kindOf(task),
        dependsOn,
        taskState(task),
        task.path("attempt_number").asInt(0),
        output.flatMap(DatabricksRunMapper::error),
        optional(task, "run_page_url").map(DatabricksLinks::modern),
        Optional.empty(),
        details(task));
  }

  private static TaskRun childRun(String runId, JsonNode output, Optional<String> parent) {
    JsonNode metadata = output.path("metadata");
    String name = text(metadata, "run_name").isBlank() ? text(metadata, "task_key") : text(metadata, "run_name");
    Map<String, String> details = details(metadata.path("task"));
    details.putAll(details(metadata));
    details.put(RUN_TYPE, CHILD_RUN);
    return new TaskRun(
        name.isBlank() ? "child run " + runId : name,
        new RunId(runId),
        "workflow_run",
        List.of(),
        state(metadata),
        metadata.path("attempt_number").asInt(0),
        error(output),
        optional(metadata, "run_page_url").map(DatabricksLinks::modern),
        parent,
        details);
  }

  /**
   * The task that started a child run its output does not name: the failed task whose error shows a notebook
   * workflow, else the first failed task.
   */
  private static Optional<String> parentOf(List<TaskRun> tasks) {
    Optional<TaskRun> caller = tasks.stream().filter(t -> t.error().map(e -> (e.message() + e.trace())
        .matches("(?s).*(WorkflowException|notebook\\.run|NotebookExecutionException).*")).orElse(false))
        .findFirst();
    return caller.or(() -> tasks.stream().filter(t -> t.state().outcome() == RunOutcome.FAILED).findFirst())
        .map(TaskRun::name);
  }

  private static Optional<TaskError> error(JsonNode output) {
    String message = text(output, "error");
    String trace = text(output, "error_trace");
    String logs = text(output, "logs");
    if (message.isBlank() && trace.isBlank() && logs.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new TaskError(message, trace, logs, output.path("logs_truncated").asBoolean(false), "", ""));
  }

  /**
   * A task's state, where a task skipped without a result of its own ({@code life_cycle_state} or termination code
   * {@code SKIPPED}, as the docs' sample shows a task after an upstream failure) was held back.
   */
  private static RunState taskState(JsonNode task) {
    RunState state = state(task);
    boolean skipped = state.lifeCycleState().equals("SKIPPED")
        || state.termination().map(t -> t.code().equals("SKIPPED")).orElse(false);
    if (state.outcome() == RunOutcome.OTHER && state.resultState().isBlank() && skipped) {
      return new RunState(RunOutcome.HELD_BACK, state.lifeCycleState(), state.resultState(), state.message(),
          state.termination(), state.cancelledOrTimedOut());
    }
    return state;
  }

  private static RunState state(JsonNode node) {
    JsonNode state = node.path("state");
    JsonNode details = node.path("status").path("termination_details");
    Optional<Termination> termination = details.isMissingNode() || text(details, "code").isBlank()
        ? Optional.empty()
        : Optional.of(new Termination(text(details, "code"), text(details, "type"), text(details, "message")));
    return new RunState(
        outcome(text(state, "life_cycle_state"), text(state, "result_state")),
        text(state, "life_cycle_state"),
        text(state, "result_state"),
        text(state, "state_message"),
        termination,
        state.path("user_cancelled_or_timedout").asBoolean(false));
  }

  /**
   * The outcome of the Jobs API's {@code state.life_cycle_state} and {@code state.result_state}
   * (RunLifeCycleState and RunResultState of the Jobs API 2.1/2.2).
   */
  static RunOutcome outcome(String lifeCycle, String result) {
    if (lifeCycle.equals("INTERNAL_ERROR")) {
      return RunOutcome.PLATFORM_ERROR;
    }
    switch (result) {
      case "SUCCESS":
      case "SUCCESS_WITH_FAILURES":
        return RunOutcome.SUCCEEDED;
      case "FAILED":
      case "MAXIMUM_CONCURRENT_RUNS_REACHED":
        return RunOutcome.FAILED;
      case "TIMEDOUT":
        return RunOutcome.TIMED_OUT;
      case "CANCELED":
        return RunOutcome.CANCELLED;
      case "UPSTREAM_FAILED":
      case "UPSTREAM_CANCELED":
        return RunOutcome.HELD_BACK;
      case "":
        return switch (lifeCycle) {
          case "PENDING", "QUEUED", "RUNNING", "TERMINATING", "BLOCKED", "WAITING_FOR_RETRY" -> RunOutcome.RUNNING;
          default -> RunOutcome.OTHER;
        };
      default:
        return RunOutcome.OTHER;
    }
  }

  private static String kindOf(JsonNode task) {
    Iterator<String> names = task.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (field.endsWith("_task")) {
        return field;
      }
    }
    return "task";
  }

  /** The facts of a task definition worth showing on a ticket: what ran, with which parameters, where. */
  private static Map<String, String> details(JsonNode task) {
    Map<String, String> details = new LinkedHashMap<>();
    task.fieldNames().forEachRemaining(field -> {
      if (field.endsWith("_task")) {
        flatten(task.path(field), "", details, 0);
      }
    });
    put(details, "cluster_id", text(task.path("cluster_instance"), "cluster_id"));
    put(details, "existing_cluster_id", text(task, "existing_cluster_id"));
    put(details, "job_cluster_key", text(task, "job_cluster_key"));
    JsonNode cluster = task.path("new_cluster");
    put(details, "node_type_id", text(cluster, "node_type_id"));
    put(details, "spark_version", text(cluster, "spark_version"));
    if (task.path("libraries").isArray() && !task.path("libraries").isEmpty()) {
      put(details, "libraries", task.path("libraries").toString());
    }
    return details;
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> into, int depth) {
    if (node.isObject() && depth < 3) {
      node.fields().forEachRemaining(e -> flatten(e.getValue(),
          prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), into, depth + 1));
    } else if (node.isArray()) {
      List<String> values = new ArrayList<>();
      node.forEach(v -> values.add(v.isValueNode() ? v.asText() : v.toString()));
      put(into, prefix, String.join(" ", values));
    } else if (node.isValueNode()) {
      put(into, prefix, node.asText());
    } else {
      put(into, prefix, node.toString());
    }
  }

  /**
   * The run's tags, each key once, the more specific first: the run's own {@code tags}, then the custom tags of a
   * task's own cluster, then those of the shared job clusters ({@code job_clusters[].new_cluster.custom_tags}),
   * which runs/get lists with the run. The job's {@code settings.tags}, which only jobs/get shows, weigh least and
   * are added by {@link DatabricksFailedRunSource}.
   */
  private static Map<String, String> tags(JsonNode run) {
    Map<String, String> tags = new LinkedHashMap<>();
    run.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    for (JsonNode task : run.path("tasks")) {
      clusterTags(task, tags);
    }
    for (JsonNode cluster : run.path("job_clusters")) {
      clusterTags(cluster, tags);
    }
    return tags;
  }

  private static void clusterTags(JsonNode withCluster, Map<String, String> into) {
    withCluster.path("new_cluster").path("custom_tags").fields()
        .forEachRemaining(e -> into.putIfAbsent(e.getKey(), e.getValue().asText()));
  }

  private static void put(Map<String, String> into, String key, String value) {
    if (!key.isBlank() && value != null && !value.isBlank()) {
      into.put(key, value.length() > MAX_PARAMETER ? value.substring(0, MAX_PARAMETER) + "…" : value);
    }
  }

  private static Optional<String> optional(JsonNode node, String field) {
    String value = text(node, field);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
