package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.http.RecordingStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Databricks workspace on loopback that speaks the Jobs API's wire format from recorded fixtures: runs/get with
 * pages, runs/list with pages, runs/get-output, runs/repair and the OAuth token endpoint, plus scripted error answers.
 */
public final class DatabricksStub extends RecordingStub<DatabricksStub> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> runPages = new ConcurrentHashMap<>();
  private final Map<String, String> outputs = new ConcurrentHashMap<>();
  private volatile List<String> listPages = List.of("{\"runs\":[],\"has_more\":false}");
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

  /** Serves runs/list from one or more pages, each a runs/list answer; pages after the first are asked by token. */
  public DatabricksStub runList(String... pages) {
    listPages = List.of(pages);
    return this;
  }

  public DatabricksStub output(String runId, String body) {
    outputs.put(runId, body);
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
      case "/api/2.2/jobs/runs/list": {
        List<String> pages = listPages;
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
      case "/api/2.2/jobs/runs/repair":
        return Answer.json(200, repairAnswer);
      case "/oidc/v1/token":
        return Answer.json(200, tokenAnswer);
      default:
        return Answer.json(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found for " + path + "\"}");
    }
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
