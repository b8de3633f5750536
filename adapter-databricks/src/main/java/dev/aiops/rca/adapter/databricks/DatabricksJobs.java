package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.port.PermanentPortException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The Jobs API 2.2 calls the service makes: read a run whole, read a task run's output, list completed runs, repair
 * a run.
 */
final class DatabricksJobs {

  /** The arrays that runs/get pages, 100 elements at a time. */
  private static final List<String> PAGED_ARRAYS =
      List.of("tasks", "iterations", "job_clusters", "job_parameters", "repair_history");

  /** A guard against a workspace that never stops handing out page tokens. */
  private static final int MAX_PAGES = 1_000;

  /** The most runs/list returns per page. */
  private static final int LIST_PAGE_SIZE = 25;

  private final DatabricksApi api;

  DatabricksJobs(DatabricksApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  String host() {
    return api.host();
  }

  /** {@code runs/get} with its repair history, every page merged into one run. */
  ObjectNode getRun(String runId) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("run_id", runId);
    query.put("include_history", "true");
    ObjectNode run = (ObjectNode) api.get("/api/2.2/jobs/runs/get", query, "runs/get of run " + runId);
    String token = run.path("next_page_token").asText("");
    for (int page = 2; !token.isEmpty(); page++) {
      if (page > MAX_PAGES) {
        throw new IllegalStateException("runs/get of run " + runId + " has more than " + MAX_PAGES + " pages");
      }
      query.put("page_token", token);
      JsonNode next = api.get("/api/2.2/jobs/runs/get", query, "runs/get of run " + runId + " (page " + page + ")");
      for (String field : PAGED_ARRAYS) {
        if (next.path(field).isArray() && !next.path(field).isEmpty()) {
          ArrayNode merged = run.path(field).isArray()
              ? (ArrayNode) run.get(field) : run.putArray(field);
          merged.addAll((ArrayNode) next.get(field));
        }
      }
      token = next.path("next_page_token").asText("");
    }
    run.remove("next_page_token");
    return run;
  }

  /**
   * {@code runs/list} of the job runs that completed and started in {@code [startFrom, startTo]} (epoch ms), newest
   * first, every page. Only job runs: the runs ADF submits ({@code SUBMIT_RUN}) are found through their pipeline,
   * and {@code dbutils.notebook.run} children ({@code WORKFLOW_RUN}) through their parent.
   */
  List<JsonNode> listCompletedJobRuns(long startFrom, long startTo) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("completed_only", "true");
    query.put("run_type", "JOB_RUN");
    query.put("start_time_from", Long.toString(startFrom));
    query.put("start_time_to", Long.toString(startTo));
    query.put("limit", Integer.toString(LIST_PAGE_SIZE));
    List<JsonNode> runs = new ArrayList<>();
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        throw new PermanentPortException("runs/list has more than " + MAX_PAGES + " pages; list a shorter time");
      }
      JsonNode answer = api.get("/api/2.2/jobs/runs/list", query, page == 1 ? "runs/list" : "runs/list (page " + page
          + ")");
      answer.path("runs").forEach(runs::add);
      String token = answer.path("next_page_token").asText("");
      if (token.isEmpty() || !answer.path("has_more").asBoolean(true)) {
        return runs;
      }
      query.put("page_token", token);
    }
  }

  /** {@code runs/list} with a limit of one: the cheapest call that needs a valid token and a reachable workspace. */
  JsonNode listOneRun() {
    return api.get("/api/2.2/jobs/runs/list", Map.of("limit", "1"), "runs/list");
  }

  /**
   * {@code runs/list} of the completed runs of one type that started within {@code [from, to]} (epoch ms), newest
   * first, following {@code next_page_token} for at most {@code maxPages} pages of 25.
   */
  List<JsonNode> listCompletedRuns(String runType, long from, long to, int maxPages) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("run_type", runType);
    query.put("completed_only", "true");
    query.put("start_time_from", Long.toString(from));
    query.put("start_time_to", Long.toString(to));
    query.put("limit", "25");
    List<JsonNode> runs = new ArrayList<>();
    for (int page = 1; page <= maxPages; page++) {
      JsonNode answer = api.get("/api/2.2/jobs/runs/list", query, "runs/list of " + runType + " runs");
      answer.path("runs").forEach(runs::add);
      String token = answer.path("next_page_token").asText("");
      if (token.isEmpty() || !answer.path("has_more").asBoolean(true)) {
        break;
      }
      query.put("page_token", token);
    }
    return runs;
  }

  /** {@code jobs/get} of one job: its settings, whose {@code tags} are the job's own tags. */
  JsonNode getJob(String jobId) {
    return api.get("/api/2.2/jobs/get", Map.of("job_id", jobId), "jobs/get of job " + jobId);
  }

  /** {@code runs/get-output} of one task run (never of a multi-task parent, which Databricks refuses). */
  JsonNode getOutput(String taskRunId) {
    return api.get("/api/2.2/jobs/runs/get-output", Map.of("run_id", taskRunId),
        "runs/get-output of task run " + taskRunId);
  }

  /**
   * {@code runs/repair} of the given tasks, or of every failed task when none is given.
   *
   * @param latestRepairId the run's last repair, which Databricks requires when a run is repaired again
   * @return the repair id
   */
  long repair(String runId, List<String> taskKeys, OptionalLong latestRepairId) {
    ObjectNode body = repairBody(runId, taskKeys, latestRepairId);
    JsonNode answer = api.post("/api/2.2/jobs/runs/repair", body, "runs/repair of run " + runId);
    if (!answer.path("repair_id").canConvertToLong()) {
      throw DatabricksErrors.notJson("runs/repair of run " + runId, answer.toString());
    }
    return answer.path("repair_id").asLong();
  }

  static ObjectNode repairBody(String runId, List<String> taskKeys, OptionalLong latestRepairId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("run_id", runId.matches("\\d+") ? JsonNodeFactory.instance.numberNode(Long.parseLong(runId))
        : JsonNodeFactory.instance.textNode(runId));
    if (taskKeys.isEmpty()) {
      body.put("rerun_all_failed_tasks", true);
    } else {
      ArrayNode tasks = body.putArray("rerun_tasks");
      taskKeys.forEach(tasks::add);
    }
    latestRepairId.ifPresent(id -> body.put("latest_repair_id", id));
    return body;
  }
}
