package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.LaterRun;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.out.FailedRunSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a failed pipeline run through ARM: the run, every page of its activity runs, the child runs of its failed
 * ExecutePipeline activities down to the innermost failure, and, through a {@link DatabricksHop}, the Databricks
 * runs of its failed Databricks activities. Reports the later run that did its work again ({@link AdfLaterRuns})
 * and the chain from the pipeline runs that started it to the innermost failed run ({@link AdfChains}). Also finds
 * the failed runs of an alert window, or of a time window for the reconciliation sweep.
 */
public final class AdfFailedRunSource implements FailedRunSource {

  private static final Logger LOG = LoggerFactory.getLogger(AdfFailedRunSource.class);

  /** When to ask again about a run that is still going. */
  static final Duration CHECK_AGAIN_IN = Duration.ofMinutes(2);
  /** How deep ExecutePipeline chains are followed. */
  static final int MAX_DEPTH = 5;
  /** How many child pipeline runs are read per fetch, against a ForEach of ExecutePipeline fanning out. */
  static final int MAX_CHILD_RUNS = 20;
  /** How many Databricks runs are read per fetch. */
  static final int MAX_DATABRICKS_RUNS = 5;
  /** Activity runs are filtered on their last update, which can trail the pipeline run's start and end. */
  static final Duration ACTIVITY_MARGIN = Duration.ofDays(1);
  /** A metric alert's window is searched from this long before it, because {@code lastUpdated} lags. */
  static final Duration ALERT_LOOKBACK = Duration.ofMinutes(15);
  /** ... and to this long after it. */
  static final Duration ALERT_LAG = Duration.ofMinutes(10);

  private static final Set<String> NOT_FINISHED = Set.of("queued", "inprogress", "canceling");
  private static final Set<String> DATABRICKS_ACTIVITIES =
      Set.of("DatabricksNotebook", "DatabricksSparkPython", "DatabricksSparkJar", "DatabricksJob");

  private final AdfRuns runs;
  private final AdfRunMapping mapping;
  private final Optional<DatabricksHop> databricks;
  private final AdfLaterRuns laterRuns;
  private final AdfChains chains;

  AdfFailedRunSource(AdfRuns runs, AdfRunMapping mapping, Optional<DatabricksHop> databricks) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.laterRuns = new AdfLaterRuns(runs);
    this.chains = new AdfChains(runs);
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.databricks = Objects.requireNonNull(databricks, "databricks");
  }

  /** A source for the factory in the settings, without the hop into Databricks. */
  public static AdfFailedRunSource create(AdfSettings settings, AdfRunMapping mapping) {
    return new AdfFailedRunSource(runs(settings), mapping, Optional.empty());
  }

  /** A source for the factory in the settings that follows Databricks activities through {@code databricks}. */
  public static AdfFailedRunSource create(AdfSettings settings, AdfRunMapping mapping, DatabricksHop databricks) {
    return new AdfFailedRunSource(runs(settings), mapping, Optional.of(databricks));
  }

  private static AdfRuns runs(AdfSettings settings) {
    return new AdfRuns(new AdfApi(settings, HttpTransport.standard(settings.requestTimeout())));
  }

  /**
   * Signs in and queries the factory's failed runs of the last hour, to check the credentials, the factory and the
   * principal's role before they are saved (the {@code setup} command).
   *
   * @return how many failed pipeline runs the last hour holds
   * @throws dev.aiops.rca.port.PortException when Entra ID or ARM refuses or cannot be reached
   */
  public int verifyAccess() {
    Instant now = runs.now();
    return runs.queryFailedPipelineRuns(now.minus(Duration.ofHours(1)), now, Optional.empty()).size();
  }

  @Override
  public Source source() {
    return Source.ADF;
  }

  @Override
  public FailedRun fetch(FailureEvent event) {
    if (event.source() != Source.ADF) {
      throw new IllegalArgumentException("not an ADF event: " + event.run());
    }
    String runId = event.run().runId().value();
    JsonNode pipelineRun = runs.getPipelineRun(runId);
    String status = pipelineRun.path("status").asText("");
    if (NOT_FINISHED.contains(status.replace(" ", "").toLowerCase(Locale.ROOT))) {
      throw new RunNotFinishedException("pipeline run " + runId + " has not ended (" + status
          + "): an activity may still be retried", CHECK_AGAIN_IN);
    }
    Optional<LaterRun> later = laterRuns.of(pipelineRun);
    if (later.filter(run -> run.state().outcome() == RunOutcome.SUCCEEDED).isPresent()) {
      // Recovered (the core decides, from the later run): the activities are not worth reading.
      return withRunPage(mapping.map(event, pipelineRun, List.of()), runId).withLaterRun(later);
    }
    List<JsonNode> activityRuns = new ArrayList<>();
    Map<String, JsonNode> childRuns = new LinkedHashMap<>();
    collectActivityRuns(pipelineRun, runId, 0, activityRuns, childRuns);

    FailedRun mapped = mapping.map(event, pipelineRun, List.copyOf(activityRuns));
    List<TaskRun> tasks = new ArrayList<>(mapped.tasks());
    databricks.ifPresent(hop -> tasks.addAll(databricksTasks(hop, event, activityRuns)));
    Map<String, String> tags = new LinkedHashMap<>(mapped.tags());
    // The cost tag keys as AdfCostTags resolves them (a run parameter over an annotation) win over the mapping's.
    tags.putAll(AdfCostTags.from(pipelineRun, runs.settings().costTagKeys()));
    return new FailedRun(mapped.event(), mapped.runName(), Optional.of(runPage(runId)), mapped.state(), tasks, tags,
        chains.of(event, pipelineRun, activityRuns, childRuns, DATABRICKS_ACTIVITIES), later);
  }

  /** The pipeline run's page in ADF Studio's monitoring UI, for the ticket, the message and the dashboard. */
  private String runPage(String runId) {
    return AdfLinks.pipelineRunPage(runs.settings().managementUrl(), runs.settings().factoryResourceId(), runId);
  }

  private FailedRun withRunPage(FailedRun run, String runId) {
    return new FailedRun(run.event(), run.runName(), Optional.of(runPage(runId)), run.state(), run.tasks(),
        run.tags(), run.chain(), run.laterRun());
  }

  /**
   * The failed pipeline runs of an alert window, latest of each recovery group, one event per run. The window is
   * widened ({@link #ALERT_LOOKBACK} before, {@link #ALERT_LAG} after) because ARM filters on the runs' last update.
   *
   * @throws PermanentPortException if the alert is about another factory than the configured one
   */
  @Override
  public List<FailureEvent> failedRunsIn(AlertWindow window) {
    AdfSettings settings = runs.settings();
    String factory = AdfWebhookReader.factoryName(window.workspace()).orElse("");
    if (!factory.equalsIgnoreCase(settings.factoryName())) {
      throw new PermanentPortException("the alert is about factory '" + window.workspace()
          + "' but ADF_FACTORY_NAME is '" + settings.factoryName() + "'");
    }
    if (window.workspace().toLowerCase(Locale.ROOT).contains("/subscriptions/") && !window.workspace()
        .toLowerCase(Locale.ROOT).contains("/subscriptions/" + settings.subscriptionId().toLowerCase(Locale.ROOT))) {
      throw new PermanentPortException("the alert is about factory '" + window.workspace()
          + "' in another subscription than AZURE_SUBSCRIPTION_ID " + settings.subscriptionId());
    }
    List<JsonNode> failed = runs.queryFailedPipelineRuns(window.windowStart().minus(ALERT_LOOKBACK),
        window.windowEnd().plus(ALERT_LAG), window.jobName());
    return events(failed, run -> window.rawPayload(), window.firedAt());
  }

  /**
   * The failed pipeline runs last updated in the window (ARM filters on {@code lastUpdated}, not on the end), latest
   * of each recovery group, one event per run named as its alert or webhook names it; its body is the listed run.
   */
  @Override
  public List<FailureEvent> failedRunsBetween(Instant from, Instant to) {
    return events(runs.queryFailedPipelineRuns(from, to, Optional.empty()), JsonNode::toString, to);
  }

  private List<FailureEvent> events(List<JsonNode> failed, Function<JsonNode, String> body, Instant otherwise) {
    Map<String, FailureEvent> byRun = new LinkedHashMap<>();
    for (JsonNode run : failed) {
      String runId = run.path("runId").asText("");
      if (runId.isBlank() || byRun.containsKey(runId)) {
        continue;
      }
      String pipeline = run.path("pipelineName").asText("");
      Instant at = AdfWebhookReader.time(run.path("runEnd")).or(() -> AdfWebhookReader.time(run.path("lastUpdated")))
          .orElse(otherwise);
      String message = run.path("message").asText("");
      byRun.put(runId, new FailureEvent(RunKey.of(Source.ADF, runId), pipeline, pipeline,
          runs.settings().factoryName(), at, message.isBlank() ? Optional.empty() : Optional.of(message),
          body.apply(run)));
    }
    return List.copyOf(byRun.values());
  }

  /** Collects the run's activity runs, and those of the child runs it follows, which it keeps by run id. */
  private void collectActivityRuns(
      JsonNode pipelineRun, String runId, int depth, List<JsonNode> into, Map<String, JsonNode> childRuns) {
    Instant start = AdfWebhookReader.time(pipelineRun.path("runStart")).orElse(runs.now());
    Instant end = AdfWebhookReader.time(pipelineRun.path("runEnd"))
        .or(() -> AdfWebhookReader.time(pipelineRun.path("lastUpdated"))).orElse(runs.now());
    // Whole hours a day either side: generous, since the filter is on lastUpdated, and stable for a given run.
    Instant after = start.truncatedTo(ChronoUnit.HOURS).minus(ACTIVITY_MARGIN);
    Instant before = end.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plus(ACTIVITY_MARGIN);
    List<JsonNode> activities = runs.queryActivityRuns(runId, after, before);
    into.addAll(activities);
    for (JsonNode activity : activities) {
      String child = activity.path("output").path("pipelineRunId").asText("");
      if (!activity.path("activityType").asText("").equals("ExecutePipeline")
          || !activity.path("status").asText("").equals("Failed") || child.isBlank() || child.equals(runId)
          || childRuns.containsKey(child)) {
        continue;
      }
      if (depth + 1 > MAX_DEPTH || childRuns.size() >= MAX_CHILD_RUNS) {
        LOG.warn("not following child pipeline run {} of {}: more than {} levels or {} child runs", child, runId,
            MAX_DEPTH, MAX_CHILD_RUNS);
        continue;
      }
      try {
        JsonNode childRun = runs.getPipelineRun(child);
        childRuns.put(child, childRun);
        collectActivityRuns(childRun, child, depth + 1, into, childRuns);
      } catch (PermanentPortException e) {
        // One unreadable child (removed after 45 days, say) must not hide what the parent tells.
        LOG.warn("child pipeline run {} of {} is not available: {}", child, runId, e.getMessage());
      }
    }
  }

  private static List<TaskRun> databricksTasks(DatabricksHop hop, FailureEvent event, List<JsonNode> activityRuns) {
    List<TaskRun> tasks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode activity : activityRuns) {
      if (!DATABRICKS_ACTIVITIES.contains(activity.path("activityType").asText(""))
          || !activity.path("status").asText("").equals("Failed")) {
        continue;
      }
      Optional<AdfDatabricksLink> link = AdfDatabricksLink.of(activity);
      if (link.isEmpty() || !seen.add(link.get().runId()) || seen.size() > MAX_DATABRICKS_RUNS) {
        continue;
      }
      try {
        tasks.addAll(chain(activity, link.get(), hop.fetch(databricksEvent(event, activity, link.get()))));
      } catch (PortException e) {
        // The ADF side of the chain is still worth analysing when the workspace cannot be read.
        LOG.warn("Databricks run {} of activity '{}' is not available: {}", link.get().runId(),
            activity.path("activityName").asText(""), e.getMessage());
      }
    }
    return tasks;
  }

  private static FailureEvent databricksEvent(FailureEvent event, JsonNode activity, AdfDatabricksLink link) {
    String notebook = activity.path("input").path("notebookPath").asText("");
    String name = notebook.isBlank() ? activity.path("activityName").asText("") : notebook;
    String error = activity.path("error").path("message").asText("");
    Instant at = AdfWebhookReader.time(activity.path("activityRunEnd")).orElse(event.occurredAt());
    return new FailureEvent(RunKey.of(Source.DATABRICKS, link.runId()), link.jobId(), name, link.host(), at,
        error.isBlank() ? Optional.empty() : Optional.of(error), event.rawPayload());
  }

  /** The Databricks run's tasks as children of the ADF activity: pipeline → activity → Databricks run → task. */
  private static List<TaskRun> chain(JsonNode activity, AdfDatabricksLink link, FailedRun run) {
    String activityName = activity.path("activityName").asText("");
    Map<String, String> hop = new LinkedHashMap<>();
    hop.put("databricks_run_id", link.runId());
    hop.put("databricks_job_id", link.jobId());
    hop.put("databricks_host", link.host());
    hop.put("run_page_url", run.runPageUrl().orElse(link.url()));
    hop.put("adf_activity_run_id", activity.path("activityRunId").asText(""));
    hop.put("adf_pipeline_run_id", activity.path("pipelineRunId").asText(""));
    hop.values().removeIf(String::isBlank);
    List<TaskRun> tasks = new ArrayList<>();
    if (run.tasks().isEmpty()) {
      // A single-task run: the run itself is the task.
      String message = run.state().message();
      tasks.add(new TaskRun(run.runName().isBlank() ? "databricks run " + link.runId() : run.runName(),
          new RunId(link.runId()), "databricks_run", List.of(), run.state(), 0,
          message.isBlank() ? Optional.empty() : Optional.of(TaskError.ofMessage(message)),
          Optional.of(hop.get("run_page_url")), Optional.of(activityName), hop));
      return tasks;
    }
    for (TaskRun task : run.tasks()) {
      Map<String, String> details = new LinkedHashMap<>(task.details());
      hop.forEach(details::putIfAbsent);
      // A task started by another task (dbutils.notebook.run) keeps that parent; the others hang off the activity.
      tasks.add(new TaskRun(task.name(), task.runId(), task.kind(), task.dependsOn(), task.state(), task.attempt(),
          task.error(), task.runPageUrl(), Optional.of(task.parent().orElse(activityName)), details));
    }
    return tasks;
  }
}
