package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the outputs of failed task runs and of the child runs they started: the runs their error text links to,
 * else the {@code WORKFLOW_RUN}s that {@code dbutils.notebook.run} started on the task's cluster while it ran
 * ({@code runs/list}), and the job run a {@code run_job_task} triggered ({@code run_job_output.run_id}). A child
 * output is marked with the task that started it, which the API does not say.
 */
final class DatabricksChildRuns {

  private static final Logger LOG = LoggerFactory.getLogger(DatabricksChildRuns.class);

  /** How many child runs are read per failed task. */
  static final int MAX_CHILD_RUNS = 3;
  /** How many pages of 25 listed workflow runs are looked through per failed task. */
  static final int MAX_LIST_PAGES = 4;
  /** The window assumed for a task whose end the run does not report. */
  private static final Duration OPEN_WINDOW = Duration.ofDays(1);
  /** What a notebook task's error says when a notebook it ran with {@code dbutils.notebook.run} failed. */
  private static final Pattern NOTEBOOK_WORKFLOW =
      Pattern.compile("WorkflowException|NotebookExecutionException|notebook\\.run\\(");

  private final DatabricksJobs jobs;

  DatabricksChildRuns(DatabricksJobs jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  /** The output of one run, kept in {@code outputs}; empty when Databricks no longer has it. */
  Optional<JsonNode> read(String runId, Map<String, JsonNode> outputs) {
    try {
      JsonNode output = jobs.getOutput(runId);
      outputs.put(runId, output);
      return Optional.of(output);
    } catch (PermanentPortException e) {
      // One unreadable output (a deleted child run, say) must not hide what the others tell.
      LOG.warn("output of run {} is not available: {}", runId, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Reads the child runs of one failed task into {@code outputs}, each at most once.
   *
   * @param run the job run (runs/get), whose times stand in for a task's that are missing
   * @param task the failed task, as runs/get lists it
   * @param output the task's own output
   */
  void follow(JsonNode run, JsonNode task, JsonNode output, Map<String, JsonNode> outputs) {
    String parentRunId = run.path("run_id").asText("");
    String text = output.path("error").asText("") + "\n" + output.path("error_trace").asText("");
    List<String> children = new ArrayList<>(DatabricksLinks.runIdsIn(text, MAX_CHILD_RUNS));
    if (children.isEmpty() && NOTEBOOK_WORKFLOW.matcher(text).find()) {
      children.addAll(listedWorkflowRuns(run, task, text, outputs));
    }
    String caller = task.path("task_key").asText("");
    for (String child : children) {
      if (!outputs.containsKey(child) && !child.equals(parentRunId)) {
        read(child, outputs).ifPresent(o -> markCaller(o, caller));
      }
    }
    if (task.has("run_job_task") && output.path("run_job_output").path("run_id").isValueNode()) {
      triggeredRun(output.path("run_job_output").path("run_id").asText(), caller, outputs);
    }
  }

  /**
   * The failed workflow runs that started while the task ran, on its cluster when both report one: the children
   * of {@code dbutils.notebook.run}, which the task's error does not link to and runs/get does not list.
   */
  private List<String> listedWorkflowRuns(JsonNode run, JsonNode task, String text, Map<String, JsonNode> outputs) {
    long from = time(task, "start_time", run);
    if (from <= 0) {
      LOG.info("task {} reports no start time; its notebook workflow's runs are not looked for",
          task.path("task_key").asText(""));
      return List.of();
    }
    long reportedEnd = time(task, "end_time", run);
    long to = reportedEnd > 0 ? reportedEnd : from + OPEN_WINDOW.toMillis();
    String cluster = task.path("cluster_instance").path("cluster_id").asText("");
    List<JsonNode> listed;
    try {
      listed = jobs.listCompletedRuns("WORKFLOW_RUN", from, to, MAX_LIST_PAGES);
    } catch (PortException e) {
      // The task's own error still tells part of the story: analyse it rather than fail the whole fetch.
      LOG.warn("workflow runs of task {} not listed: {}", task.path("task_key").asText(""), e.getMessage());
      return List.of();
    }
    List<JsonNode> candidates = listed.stream()
        .filter(c -> !c.path("run_id").asText("").isEmpty() && !outputs.containsKey(c.path("run_id").asText()))
        .filter(c -> DatabricksFailedRunSource.failedByItself(c) && within(c, from, to) && sameCluster(c, cluster))
        .toList();
    // A workflow run is named after its notebook, which the caller's trace shows in its dbutils.notebook.run call:
    // when some candidates are named there, others (another job's notebooks failing at the same time) are not ours.
    List<JsonNode> named = candidates.stream().filter(c -> namedIn(c, text)).toList();
    List<String> found = (named.isEmpty() ? candidates : named).stream().map(c -> c.path("run_id").asText())
        .distinct().limit(MAX_CHILD_RUNS).toList();
    LOG.debug("task {}: {} of {} listed workflow runs taken as its children", task.path("task_key").asText(""),
        found.size(), listed.size());
    return found;
  }

  /** The failed tasks of the job run a {@code run_job_task} triggered, read as children of the calling task. */
  private void triggeredRun(String runId, String caller, Map<String, JsonNode> outputs) {
    if (!runId.matches("\\d{1,19}")) {
      return;
    }
    List<String> failed;
    try {
      JsonNode triggered = jobs.getRun(runId);
      failed = triggered.path("tasks").isArray() && !triggered.path("tasks").isEmpty()
          ? DatabricksFailedRunSource.failedTaskRunIds(triggered) : List.of(runId);
    } catch (PortException e) {
      LOG.warn("run {} triggered by task {} not read: {}", runId, caller, e.getMessage());
      return;
    }
    failed.stream().filter(id -> !outputs.containsKey(id)).limit(MAX_CHILD_RUNS)
        .forEach(id -> read(id, outputs).ifPresent(o -> markCaller(o, caller)));
  }

  private static boolean within(JsonNode candidate, long from, long to) {
    long start = candidate.path("start_time").asLong(0);
    long end = candidate.path("end_time").asLong(0);
    return (start <= 0 || (start >= from && start <= to)) && (end <= 0 || end <= to);
  }

  private static boolean namedIn(JsonNode candidate, String text) {
    String name = candidate.path("run_name").asText("").strip();
    return name.length() >= 3 && text.contains(name); // a name of one or two letters is found in any text
  }

  private static boolean sameCluster(JsonNode candidate, String cluster) {
    String theirs = candidate.path("cluster_instance").path("cluster_id").asText("");
    return cluster.isEmpty() || theirs.isEmpty() || theirs.equals(cluster);
  }

  private static long time(JsonNode task, String field, JsonNode run) {
    long own = task.path(field).asLong(0);
    return own > 0 ? own : run.path(field).asLong(0);
  }

  private static void markCaller(JsonNode output, String caller) {
    if (output instanceof ObjectNode object && !caller.isEmpty()) {
      object.put(DatabricksRunMapper.CALLER, caller);
    }
  }
}
