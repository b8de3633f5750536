package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.port.PermanentPortException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Data Factory calls the service makes: get a pipeline run, query its activity runs and the factory's failed
 * pipeline runs (following continuation tokens), and create a recovery run.
 */
final class AdfRuns {

  /** A guard against a factory that never stops handing out continuation tokens. */
  private static final int MAX_PAGES = 1_000;
  /** ISO 8601 with milliseconds, the form the API's own examples use. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final AdfApi api;

  AdfRuns(AdfApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  AdfSettings settings() {
    return api.settings();
  }

  Instant now() {
    return api.transport().clock().instant();
  }

  /** {@code GET …/pipelineruns/{runId}}. */
  JsonNode getPipelineRun(String runId) {
    requireRunId(runId);
    return api.get(api.url("/pipelineruns/" + AdfApi.segment(runId), Map.of()), "the pipeline run " + runId);
  }

  /**
   * Every activity run of a pipeline run last updated in the window, all pages. A page may be empty and still carry
   * a continuation token: only a missing or null token ends the query.
   */
  List<JsonNode> queryActivityRuns(String runId, Instant lastUpdatedAfter, Instant lastUpdatedBefore) {
    requireRunId(runId);
    URI url = api.url("/pipelineruns/" + AdfApi.segment(runId) + "/queryActivityruns", Map.of());
    return queryAll(url, filter(lastUpdatedAfter, lastUpdatedBefore), "the activity runs of pipeline run " + runId);
  }

  /**
   * The factory's failed pipeline runs last updated in the window, latest of each recovery group only, all pages.
   *
   * @param pipelineName only this pipeline's runs, when given
   */
  List<JsonNode> queryFailedPipelineRuns(
      Instant lastUpdatedAfter, Instant lastUpdatedBefore, Optional<String> pipelineName) {
    ObjectNode body = failedRunsFilter(lastUpdatedAfter, lastUpdatedBefore, pipelineName);
    return queryAll(api.url("/queryPipelineRuns", Map.of()), body,
        "the failed pipeline runs of factory " + settings().factoryName());
  }

  /**
   * The latest run of a recovery group (a run and its reruns share {@code runGroupId}) last updated in the window,
   * if any.
   */
  Optional<JsonNode> queryLatestOfRunGroup(String runGroupId, Instant lastUpdatedAfter, Instant lastUpdatedBefore) {
    requireRunId(runGroupId);
    ObjectNode body = filter(lastUpdatedAfter, lastUpdatedBefore);
    ArrayNode filters = body.putArray("filters");
    // RunGroupId takes exactly one value, never an array of several (Azure/azure-sdk-for-net#22025).
    filters.addObject().put("operand", "RunGroupId").put("operator", "Equals").putArray("values").add(runGroupId);
    filters.addObject().put("operand", "LatestOnly").put("operator", "Equals").putArray("values").add(true);
    body.putArray("orderBy").addObject().put("orderBy", "RunStart").put("order", "DESC");
    List<JsonNode> runs = queryAll(api.url("/queryPipelineRuns", Map.of()), body,
        "the runs of run group " + runGroupId);
    // LatestOnly is honoured by ARM, but a stale answer must not pick an older run: the newest start wins.
    return runs.stream().filter(run -> run.path("runGroupId").asText(runGroupId).equals(runGroupId))
        .max(Comparator.comparing(run -> run.path("runStart").asText("")));
  }

  /** The pipeline's succeeded runs last updated in the window, all pages. */
  List<JsonNode> querySucceededRuns(String pipelineName, Instant lastUpdatedAfter, Instant lastUpdatedBefore) {
    ObjectNode body = filter(lastUpdatedAfter, lastUpdatedBefore);
    ArrayNode filters = body.putArray("filters");
    filters.addObject().put("operand", "PipelineName").put("operator", "Equals").putArray("values")
        .add(pipelineName);
    filters.addObject().put("operand", "Status").put("operator", "In").putArray("values").add("Succeeded");
    body.putArray("orderBy").addObject().put("orderBy", "RunStart").put("order", "DESC");
    return queryAll(api.url("/queryPipelineRuns", Map.of()), body, "the succeeded runs of pipeline " + pipelineName);
  }

  /** The body of {@link #queryFailedPipelineRuns}. */
  static ObjectNode failedRunsFilter(Instant after, Instant before, Optional<String> pipelineName) {
    ObjectNode body = filter(after, before);
    ArrayNode filters = body.putArray("filters");
    pipelineName.ifPresent(name -> {
      ObjectNode byName = filters.addObject().put("operand", "PipelineName").put("operator", "Equals");
      byName.putArray("values").add(name);
    });
    ObjectNode failed = filters.addObject().put("operand", "Status").put("operator", "In");
    failed.putArray("values").add("Failed");
    // LatestOnly takes a JSON boolean; the string "True" is silently ignored (Azure/Azure-DataFactory#639).
    ObjectNode latest = filters.addObject().put("operand", "LatestOnly").put("operator", "Equals");
    latest.putArray("values").add(true);
    body.putArray("orderBy").addObject().put("orderBy", "RunEnd").put("order", "DESC");
    return body;
  }

  /**
   * {@code POST …/pipelines/{pipelineName}/createRun} in recovery mode from the failed activities of the reference
   * run. Resent only when ARM certainly did not act on it, so that a rerun never starts twice.
   *
   * @return the new run's id
   */
  String createRecoveryRun(String pipelineName, String referenceRunId) {
    URI url = createRunUrl(pipelineName, referenceRunId);
    JsonNode answer = api.post(url, JsonNodeFactory.instance.objectNode(),
        "the rerun from failure of pipeline run " + referenceRunId, false);
    String runId = answer.path("runId").asText("");
    if (runId.isBlank()) {
      throw AdfErrors.notJson("the rerun of pipeline run " + referenceRunId, answer.toString());
    }
    return runId;
  }

  /** The exact URL of {@link #createRecoveryRun}. */
  URI createRunUrl(String pipelineName, String referenceRunId) {
    requireRunId(referenceRunId);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("referencePipelineRunId", referenceRunId);
    query.put("isRecovery", "true");
    query.put("startFromFailure", "true");
    return api.url("/pipelines/" + AdfApi.segment(pipelineName) + "/createRun", query);
  }

  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  private List<JsonNode> queryAll(URI url, ObjectNode body, String call) {
    List<JsonNode> all = new ArrayList<>();
    String token = null;
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        throw new PermanentPortException(call + " has more than " + MAX_PAGES + " pages; narrow the window");
      }
      if (token == null) {
        body.remove("continuationToken");
      } else {
        // The token is JSON inside a string; it goes back exactly as it came.
        body.put("continuationToken", token);
      }
      JsonNode answer = api.post(url, body, page == 1 ? call : call + " (page " + page + ")", true);
      answer.path("value").forEach(all::add);
      JsonNode next = answer.path("continuationToken");
      token = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
      if (token == null) {
        return all;
      }
    }
  }

  private static ObjectNode filter(Instant after, Instant before) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("lastUpdatedAfter", iso(after));
    body.put("lastUpdatedBefore", iso(before));
    return body;
  }

  // Run ids come from webhooks: they must be one plain path segment before they go near a URL.
  private static void requireRunId(String runId) {
    if (runId == null || !runId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new PermanentPortException("ADF pipeline run ids are GUIDs; '" + runId + "' is not one");
    }
  }
}
