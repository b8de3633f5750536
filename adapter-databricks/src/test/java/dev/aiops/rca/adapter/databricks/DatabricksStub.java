package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.http.RecordingStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Databricks workspace on loopback that speaks the Jobs API's wire format from recorded fixtures: runs/get with
 * pages, runs/get-output, runs/list (the listed runs filtered by type, completion and start time, paged by token;
 * or scripted pages), jobs/get, runs/repair and the OAuth token endpoint, plus scripted error answers.
 */
public final class DatabricksStub extends RecordingStub<DatabricksStub> {

  private static final Set<String> TERMINAL = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> runPages = new ConcurrentHashMap<>();
  private final Map<String, String> outputs = new ConcurrentHashMap<>();
  private final List<JsonNode> listedRuns = new CopyOnWriteArrayList<>();
  private final Map<String, String> jobs = new ConcurrentHashMap<>();
  /** Scripted runs/list pages, answered in order instead of the listed runs when set. */
  private volatile List<String> listPages;
  private volatile String repairAnswer = fixture("runs-repair-response.json");
  private volatile String tokenAnswer = fixture("oauth-m2m-token-response.json");

  public static String fixture(String name) {
    return resource(DatabricksStub.class, "/databricks/" + name);
  }

  /** Serves a run from one or more pages, each a runs/get answer; pages after the first are asked by token. */
  public DatabricksStub run(String runId, String... pages) {
    runPages.put(runId, List.of(pages));
    return this;
  }

  /**
   * A runs/list answer of one page holding one failed job run: the failed run of {@code runs-list-completed-page1.json}
   * renamed {@code runId}, started half an hour before {@code end} and ended then.
   */
  public static String failedRunList(String runId, Instant end) {
    try {
      ObjectNode page = (ObjectNode) JSON.readTree(fixture("runs-list-completed-page1.json"));
      ObjectNode run = (ObjectNode) page.withArray("runs").get(0);
      run.put("run_id", Long.parseLong(runId)).put("end_time", end.toEpochMilli())
          .put("start_time", end.minus(Duration.ofMinutes(30)).toEpochMilli());
      page.putArray("runs").add(run);
      page.put("has_more", false).remove("next_page_token");
      return page.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Serves runs/list from one or more scripted pages, each a runs/list answer, in place of the {@link #listed} runs;
   * pages after the first are asked by token.
   */
  public DatabricksStub runList(String... pages) {
    listPages = List.of(pages);
    return this;
  }

  public DatabricksStub output(String runId, String body) {
    outputs.put(runId, body);
    return this;
  }

  /**
   * Adds runs to those runs/list shows, each a {@code Run} object as runs/list lists it; they are listed newest
   * (latest {@code start_time}) first, as Databricks does.
   */
  public DatabricksStub listed(String... runs) {
    for (String run : runs) {
      listedRuns.add(readJson(run));
    }
    return this;
  }

  /** Serves a job's jobs/get answer. */
  public DatabricksStub job(String jobId, String body) {
    jobs.put(jobId, body);
    return this;
  }

  public DatabricksStub repairAnswer(String body) {
    repairAnswer = body;
    return this;
  }

  public DatabricksStub tokenAnswer(String body) {
    tokenAnswer = body;
    return this;
  }

  @Override
  protected Answer normal(Request request) {
    String path = request.path();
    Map<String, String> query = request.query();
    String runId = query.getOrDefault("run_id", "");
    switch (path) {
      case "/api/2.2/jobs/runs/get": {
        List<String> pages = runPages.get(runId);
        if (pages == null) {
          return Answer.json(400, fixture("error-404-resource-does-not-exist.json"));
        }
        int page = query.containsKey("page_token") ? pageOf(query.get("page_token"), pages) : 0;
        return Answer.json(200, pages.get(page));
      }
      case "/api/2.2/jobs/runs/get-output": {
        if (runPages.containsKey(runId) && runPages.get(runId).get(0).contains("\"tasks\"")) {
          return Answer.json(400, fixture("error-400-get-output-multitask-parent.json"));
        }
        String output = outputs.get(runId);
        return output == null ? Answer.json(400, fixture("error-404-resource-does-not-exist.json"))
            : Answer.json(200, output);
      }
      case "/api/2.2/jobs/runs/list": {
        List<String> pages = listPages;
        if (pages == null) {
          return Answer.json(200, list(query));
        }
        int page = query.containsKey("page_token") ? pageOf(query.get("page_token"), pages) : 0;
        return Answer.json(200, pages.get(page));
      }
      case "/api/2.2/jobs/get": {
        String job = jobs.get(query.getOrDefault("job_id", ""));
        return job != null ? Answer.json(200, job) : Answer.json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\","
            + "\"message\":\"Job " + query.getOrDefault("job_id", "") + " does not exist.\"}");
      }
      case "/api/2.2/jobs/runs/repair":
        return Answer.json(200, repairAnswer);
      case "/oidc/v1/token":
        return Answer.json(200, tokenAnswer);
      default:
        return Answer.json(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found for " + path + "\"}");
    }
  }

  // The documented filters of runs/list; the page token is the offset of the next page, which the client treats as
  // opaque.
  private String list(Map<String, String> query) {
    long from = Long.parseLong(query.getOrDefault("start_time_from", "0"));
    long to = Long.parseLong(query.getOrDefault("start_time_to", Long.toString(Long.MAX_VALUE)));
    String type = query.getOrDefault("run_type", "");
    boolean completedOnly = Boolean.parseBoolean(query.getOrDefault("completed_only", "false"));
    List<JsonNode> matching = listedRuns.stream()
        .filter(run -> type.isEmpty() || run.path("run_type").asText("JOB_RUN").equals(type))
        .filter(run -> !completedOnly || TERMINAL.contains(run.path("state").path("life_cycle_state").asText("")))
        .filter(run -> run.path("start_time").asLong(0) >= from && run.path("start_time").asLong(0) <= to)
        .sorted(Comparator.comparingLong((JsonNode run) -> run.path("start_time").asLong(0)).reversed())
        .toList();
    int limit = Math.min(25, Integer.parseInt(query.getOrDefault("limit", "20")));
    int offset = Integer.parseInt(query.getOrDefault("page_token", "0"));
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode runs = answer.putArray("runs");
    matching.stream().skip(offset).limit(limit).forEach(runs::add);
    boolean more = offset + limit < matching.size();
    answer.put("has_more", more);
    if (more) {
      answer.put("next_page_token", Integer.toString(offset + limit));
    }
    if (offset > 0) {
      answer.put("prev_page_token", Integer.toString(Math.max(0, offset - limit)));
    }
    return answer.toString();
  }

  // Page tokens are served in order: the token found in page n asks for page n + 1.
  private static int pageOf(String token, List<String> pages) {
    for (int i = 0; i < pages.size() - 1; i++) {
      if (pages.get(i).contains("\"" + token + "\"")) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unknown page token " + token);
  }
}
