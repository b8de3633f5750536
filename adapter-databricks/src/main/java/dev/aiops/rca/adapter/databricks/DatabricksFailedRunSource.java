package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.out.FailedRunSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a failed job run through the Jobs API: {@code runs/get} with every page, then {@code runs/get-output} of
 * the last attempt of each failed task and of the child runs it started ({@link DatabricksChildRuns}), and the
 * job's own tags ({@code jobs/get}).
 */
public final class DatabricksFailedRunSource implements FailedRunSource {

  private static final Logger LOG = LoggerFactory.getLogger(DatabricksFailedRunSource.class);

  /** Life-cycle states after which nothing more will happen to a run. */
  private static final Set<String> TERMINAL = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");
  /** Results of tasks that did not fail themselves but were held back by an upstream failure. */
  private static final Set<String> NOT_THEIR_FAULT =
      Set.of("UPSTREAM_FAILED", "UPSTREAM_CANCELED", "SKIPPED", "EXCLUDED", "SUCCESS", "SUCCESS_WITH_FAILURES");
  private static final Set<String> FAILED_RESULTS = Set.of("FAILED", "TIMEDOUT", "CANCELED");
  /** The termination codes of a job run that ended without failing. */
  private static final Set<String> NOT_RUN_FAILURES =
      Set.of("SUCCESS", "SUCCESS_WITH_FAILURES", "USER_CANCELED", "CANCELED", "SKIPPED");
  /** How long before a sweep's window the runs that may have ended in it started. */
  static final Duration LONGEST_RUN = Duration.ofDays(1);
  /** When to ask again about a run that is still going. */
  static final Duration CHECK_AGAIN_IN = Duration.ofMinutes(2);

  private final DatabricksJobs jobs;
  private final DatabricksRunMapping mapping;
  private final DatabricksChildRuns children;

  DatabricksFailedRunSource(DatabricksJobs jobs, DatabricksRunMapping mapping) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.children = new DatabricksChildRuns(jobs);
  }

  /** A source for the workspace in the settings, mapping runs with {@link DatabricksRunMapper}. */
  public static DatabricksFailedRunSource create(DatabricksSettings settings) {
    return create(settings, new DatabricksRunMapper()::map);
  }

  /** A source for the workspace in the settings, with a mapping of one's own. */
  public static DatabricksFailedRunSource create(DatabricksSettings settings, DatabricksRunMapping mapping) {
    return new DatabricksFailedRunSource(
        new DatabricksJobs(new DatabricksApi(settings, HttpTransport.standard(settings.requestTimeout()))), mapping);
  }

  /**
   * Lists one job run, to check the host and the credentials before they are saved (the {@code setup} command).
   *
   * @throws dev.aiops.rca.port.PortException when the workspace refuses or cannot be reached
   */
  public void verifyAccess() {
    jobs.listOneRun();
  }

  @Override
  public Source source() {
    return Source.DATABRICKS;
  }

  @Override
  public FailedRun fetch(FailureEvent event) {
    if (event.source() != Source.DATABRICKS) {
      throw new IllegalArgumentException("not a Databricks event: " + event.run());
    }
    String runId = event.run().runId().value();
    if (!runId.matches("\\d{1,19}")) {
      throw new PermanentPortException("Databricks run ids are numbers; " + runId + " is not one");
    }
    ObjectNode run = jobs.getRun(runId);
    if (!hasEnded(run)) {
      throw new RunNotFinishedException("run " + runId + " has not ended ("
          + lifeCycleState(run) + "): a failed task may still be retried", CHECK_AGAIN_IN);
    }
    Map<String, JsonNode> outputs = new LinkedHashMap<>();
    List<JsonNode> failedTasks = failedTasks(run);
    if (!run.path("tasks").isArray() || run.path("tasks").isEmpty()) {
      failedTasks = List.of(run); // a single-task run of the 2.0 API holds its own output
    }
    for (JsonNode task : failedTasks) {
      String taskRunId = task.path("run_id").asText();
      children.read(taskRunId, outputs).ifPresent(output -> children.follow(run, task, output, outputs));
    }
    modernizeLinks(run);
    outputs.values().forEach(output -> modernizeLinks(output.path("metadata")));
    FailedRun mapped = mapping.map(event, run, outputs);
    Map<String, String> tags = jobTags(run.path("job_id").asText(event.jobId()));
    if (tags.isEmpty()) {
      return mapped;
    }
    // The job's own tags weigh least: each more specific place (cluster, task, run) overrides them.
    tags.putAll(mapped.tags());
    return new FailedRun(mapped.event(), mapped.runName(), mapped.runPageUrl(), mapped.state(), mapped.tasks(), tags);
  }

  /**
   * The job runs that failed (failed, timed out or failed by the platform, as {@link DatabricksRunMapper#outcome}
   * reads the states) and ended in the window, from {@code runs/list}. The API filters on start times only, so the
   * runs started up to {@link #LONGEST_RUN} before the window are listed and kept by their end; a failed run that ran
   * longer than that is left to its webhook. Each event names the run as the job's failure webhook does; its body is the listed run.
   */
  @Override
  public List<FailureEvent> failedRunsBetween(Instant from, Instant to) {
    List<JsonNode> listed = jobs.listCompletedJobRuns(from.minus(LONGEST_RUN).toEpochMilli(), to.toEpochMilli());
    Map<String, FailureEvent> failed = new LinkedHashMap<>();
    for (JsonNode run : listed) {
      String runId = run.path("run_id").asText("");
      long end = run.path("end_time").asLong(0);
      if (!runId.matches("\\d{1,19}") || end < from.toEpochMilli() || end >= to.toEpochMilli() || !failed(run)) {
        continue;
      }
      String message = run.path("state").path("state_message").asText("");
      if (message.isBlank()) {
        message = run.path("status").path("termination_details").path("message").asText("");
      }
      failed.putIfAbsent(runId, new FailureEvent(RunKey.of(Source.DATABRICKS, runId), run.path("job_id").asText(""),
          run.path("run_name").asText(""), "", Instant.ofEpochMilli(end),
          message.isBlank() ? Optional.empty() : Optional.of(message), run.toString()));
    }
    return List.copyOf(failed.values());
  }

  // A job run's own verdict: the results that fire a job's on-failure notification; a cancelled run was someone's
  // decision. Without the deprecated state, the termination code says it (RUN_EXECUTION_ERROR, DRIVER_ERROR...).
  private static boolean failed(JsonNode run) {
    JsonNode state = run.path("state");
    if (state.has("life_cycle_state") || state.has("result_state")) {
      RunOutcome outcome = DatabricksRunMapper.outcome(state.path("life_cycle_state").asText(""),
          state.path("result_state").asText(""));
      return outcome.isFailure() && outcome != RunOutcome.CANCELLED;
    }
    String code = run.path("status").path("termination_details").path("code").asText("");
    return !code.isEmpty() && !NOT_RUN_FAILURES.contains(code);
  }

  /** The job's {@code settings.tags} ({@code jobs/get}); none when the job is gone or may not be read. */
  private Map<String, String> jobTags(String jobId) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (!jobId.matches("\\d{1,19}")) {
      return tags;
    }
    try {
      jobs.getJob(jobId).path("settings").path("tags").fields()
          .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    } catch (PortException e) {
      // A run outlives its job, and a principal may read runs but not jobs: the run's own tags still count.
      LOG.info("tags of job {} not read: {}", jobId, e.getMessage());
    }
    return tags;
  }

  /** The task run ids of the last attempt of each task that failed by itself. */
  static List<String> failedTaskRunIds(JsonNode run) {
    return failedTasks(run).stream().map(task -> task.path("run_id").asText()).toList();
  }

  /** The last attempt of each task that failed by itself and has a task run id. */
  private static List<JsonNode> failedTasks(JsonNode run) {
    Map<String, JsonNode> lastAttempts = new LinkedHashMap<>();
    for (JsonNode task : run.path("tasks")) {
      String key = task.path("task_key").asText("");
      JsonNode seen = lastAttempts.get(key);
      if (seen == null || task.path("attempt_number").asInt(0) >= seen.path("attempt_number").asInt(0)) {
        lastAttempts.put(key, task);
      }
    }
    List<JsonNode> failed = new ArrayList<>();
    for (JsonNode task : lastAttempts.values()) {
      if (failedByItself(task) && task.path("run_id").isValueNode()) {
        failed.add(task);
      }
    }
    return failed;
  }

  // The rule of the Databricks CLI: failed when INTERNAL_ERROR, FAILED or TIMEDOUT; otherwise trust the termination
  // details, where SKIPPED is also the code of a task that an upstream failure skipped.
  static boolean failedByItself(JsonNode task) {
    String result = task.path("state").path("result_state").asText("");
    if (NOT_THEIR_FAULT.contains(result)) {
      return false;
    }
    if (FAILED_RESULTS.contains(result) || task.path("state").path("life_cycle_state").asText("")
        .equals("INTERNAL_ERROR")) {
      return true;
    }
    JsonNode details = task.path("status").path("termination_details");
    String type = details.path("type").asText("SUCCESS");
    String code = details.path("code").asText("SUCCESS");
    return !type.equals("SUCCESS") && !code.equals("SKIPPED");
  }

  private static boolean hasEnded(JsonNode run) {
    String lifeCycle = run.path("state").path("life_cycle_state").asText("");
    String status = run.path("status").path("state").asText("");
    if (lifeCycle.isEmpty() && status.isEmpty()) {
      return true; // nothing says it is still going: analyse what there is
    }
    return TERMINAL.contains(lifeCycle) || status.equals("TERMINATED");
  }

  private static String lifeCycleState(JsonNode run) {
    String lifeCycle = run.path("state").path("life_cycle_state").asText("");
    return lifeCycle.isEmpty() ? run.path("status").path("state").asText("unknown") : lifeCycle;
  }

  private static void modernizeLinks(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.path("run_page_url").isTextual()) {
        object.set("run_page_url", TextNode.valueOf(DatabricksLinks.modern(object.get("run_page_url").asText())));
      }
      object.forEach(DatabricksFailedRunSource::modernizeLinks);
    } else if (node != null && node.isArray()) {
      node.forEach(DatabricksFailedRunSource::modernizeLinks);
    }
  }
}
