package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aiops.rca.domain.LaterRun;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.RunNotFinishedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the latest run that did a failed pipeline run's work again: the latest run of its recovery group when it
 * was rerun ({@code isLatest: false}), else the latest succeeded run of the same pipeline with the same parameters
 * that started after it (a run triggered again by hand, or the next try of a metric alert's pipeline). Parameters
 * must match because they say what the work was: a tumbling window's {@code windowStart}, a file name. A run with
 * other parameters did other work, just as ADF itself does not count a rerun with new parameters in the group.
 */
final class AdfLaterRuns {

  /** How long after the failed run ended a later run of the same pipeline is looked for. */
  static final Duration LOOK_AHEAD = Duration.ofDays(1);
  /** Slack around the window, as ARM filters on the runs' last update. */
  static final Duration MARGIN = Duration.ofMinutes(5);

  private final AdfRuns runs;

  AdfLaterRuns(AdfRuns runs) {
    this.runs = Objects.requireNonNull(runs, "runs");
  }

  /**
   * The later run, if any.
   *
   * @param pipelineRun the failed run's {@code pipelineruns/{runId}} answer
   * @throws RunNotFinishedException when the failed run's rerun has not ended: its outcome decides
   */
  Optional<LaterRun> of(JsonNode pipelineRun) {
    String runId = pipelineRun.path("runId").asText("");
    Instant now = runs.now();
    Instant start = AdfWebhookReader.time(pipelineRun.path("runStart")).orElse(now);
    Instant end = AdfWebhookReader.time(pipelineRun.path("runEnd"))
        .or(() -> AdfWebhookReader.time(pipelineRun.path("lastUpdated"))).orElse(now);
    Instant after = start.minus(MARGIN);
    Instant until = end.plus(LOOK_AHEAD);
    Instant before = (now.isBefore(until) ? now : until).plus(MARGIN);
    Optional<LaterRun> rerun = rerun(pipelineRun, runId, after, before);
    return rerun.isPresent() ? rerun : sameWork(pipelineRun, runId, start, after, before);
  }

  private Optional<LaterRun> rerun(JsonNode pipelineRun, String runId, Instant after, Instant before) {
    JsonNode latest = pipelineRun.path("isLatest");
    String group = pipelineRun.path("runGroupId").asText("");
    if (!latest.isBoolean() || latest.asBoolean() || group.isBlank()) {
      return Optional.empty();
    }
    Optional<JsonNode> newest = runs.queryLatestOfRunGroup(group, after, before)
        .filter(run -> !run.path("runId").asText("").equals(runId) && !run.path("runId").asText("").isBlank());
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    LaterRun later = later(newest.get(), "rerun in run group " + group);
    if (later.state().outcome() == RunOutcome.RUNNING) {
      throw new RunNotFinishedException("pipeline run " + runId + " is being rerun as " + later.run()
          + " (" + later.state().resultState() + "): the rerun decides", AdfFailedRunSource.CHECK_AGAIN_IN);
    }
    return Optional.of(later);
  }

  private Optional<LaterRun> sameWork(JsonNode pipelineRun, String runId, Instant start, Instant after,
      Instant before) {
    String pipeline = pipelineRun.path("pipelineName").asText("");
    if (pipeline.isBlank()) {
      return Optional.empty();
    }
    JsonNode parameters = parameters(pipelineRun);
    return runs.querySucceededRuns(pipeline, after, before).stream()
        .filter(run -> !run.path("runId").asText("").equals(runId) && !run.path("runId").asText("").isBlank())
        .filter(run -> run.path("pipelineName").asText("").equals(pipeline))
        .filter(run -> AdfRunMapper.outcome(run.path("status").asText("")) == RunOutcome.SUCCEEDED)
        .filter(run -> AdfWebhookReader.time(run.path("runStart")).map(s -> s.isAfter(start)).orElse(false))
        .filter(run -> parameters(run).equals(parameters))
        .max(Comparator.comparing(run -> AdfWebhookReader.time(run.path("runStart")).orElse(start)))
        .map(run -> later(run, "a later run of pipeline " + pipeline + " with the same parameters"));
  }

  private static LaterRun later(JsonNode run, String how) {
    String status = run.path("status").asText("");
    Instant at = AdfWebhookReader.time(run.path("runEnd"))
        .or(() -> AdfWebhookReader.time(run.path("lastUpdated")))
        .or(() -> AdfWebhookReader.time(run.path("runStart"))).orElse(Instant.EPOCH);
    // Only the outcome matters; the later run's message stays out, as nothing reads or redacts it.
    return new LaterRun(RunKey.of(Source.ADF, run.path("runId").asText("")),
        RunState.of(AdfRunMapper.outcome(status), status, ""), at, how);
  }

  // A run without parameters and one with an empty map did the same work.
  private static JsonNode parameters(JsonNode run) {
    JsonNode parameters = run.path("parameters");
    return parameters.isObject() ? parameters : JsonNodeFactory.instance.objectNode();
  }
}
