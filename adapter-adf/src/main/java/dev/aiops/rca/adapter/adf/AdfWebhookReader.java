package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import dev.aiops.rca.port.out.WebhookReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bodies that reach the ADF webhook: Azure Monitor alerts in the common alert schema (metric alerts on
 * {@code PipelineFailedRuns}/{@code ActivityFailedRuns}, log search alerts on {@code ADFPipelineRun}/
 * {@code ADFActivityRun}, fired or resolved) and the JSON a pipeline's own Web activity or Logic App posts. The body
 * is kept verbatim in every event.
 */
public final class AdfWebhookReader implements WebhookReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FACTORY_ID = Pattern.compile("(?i)/factories/([^/?#\\s]+)");
  /** Pipeline run ids are GUIDs; nothing else can name a run. */
  private static final Pattern RUN_ID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Dimension and column names that hold a pipeline run id, lower-cased. */
  private static final List<String> RUN_ID_NAMES = List.of("pipelinerunid", "runid");
  private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  @Override
  public Source source() {
    return Source.ADF;
  }

  /** Reads one body as received. */
  @Override
  public WebhookReading read(String body, Instant receivedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return new WebhookReading.Unusable("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root != null && root.isArray()) {
      // A Logic App that batches its failures posts an array of the same bodies.
      List<FailureEvent> events = new ArrayList<>();
      for (int i = 0; i < root.size(); i++) {
        WebhookReading one = root.get(i).isObject() ? custom(root.get(i), body, receivedAt)
            : new WebhookReading.Unusable("not a JSON object");
        if (one instanceof WebhookReading.Unusable unusable) {
          return new WebhookReading.Unusable("element " + i + ": " + unusable.reason());
        }
        events.addAll(((WebhookReading.RunFailures) one).events());
      }
      return events.isEmpty() ? new WebhookReading.Unusable("the body is an empty array")
          : new WebhookReading.RunFailures(dedup(events));
    }
    if (root == null || !root.isObject()) {
      return new WebhookReading.Unusable("the body is not a JSON object");
    }
    if (text(root.path("schemaId")).equalsIgnoreCase("azureMonitorCommonAlertSchema")
        || root.path("data").path("essentials").isObject()) {
      return commonAlert(root, body, receivedAt);
    }
    return custom(root, body, receivedAt);
  }

  // --- Azure Monitor common alert schema ---

  private static WebhookReading commonAlert(JsonNode root, String body, Instant receivedAt) {
    JsonNode essentials = root.path("data").path("essentials");
    JsonNode context = root.path("data").path("alertContext");
    String alertId = text(essentials.path("alertId"));
    String alertRule = text(essentials.path("alertRule"));
    if (!mentionsDataFactory(essentials, context)) {
      return new WebhookReading.Unusable("not a Data Factory alert: rule '" + alertRule + "' targets "
          + essentials.path("alertTargetIDs"));
    }
    if (text(essentials.path("monitorCondition")).equalsIgnoreCase("Resolved")) {
      return new WebhookReading.Resolved("alert " + alertRule + " resolved at "
          + time(essentials.path("resolvedDateTime")).orElse(receivedAt) + " is recorded; nothing to analyse");
    }
    String signal = text(essentials.path("signalType"));
    if (!signal.equalsIgnoreCase("Metric") && !signal.equalsIgnoreCase("Log")) {
      return new WebhookReading.Unusable("signal type '" + signal + "' is not handled: use a metric alert on "
          + "PipelineFailedRuns/ActivityFailedRuns or a log search alert on ADFPipelineRun/ADFActivityRun");
    }
    Instant firedAt = time(essentials.path("firedDateTime")).orElse(receivedAt);
    String factory = factory(essentials, context);
    // Only the level is kept (a closed set), so nothing of the payload's free text rides along with it.
    Optional<AlertSeverity> severity = AlertSeverity.parse(text(essentials.path("severity")));

    List<FailureEvent> named = new ArrayList<>();
    for (Map<String, String> row : rows(context)) {
      runIdOf(row).ifPresent(runId -> {
        String rowFactory = Optional.ofNullable(row.get("resourceid")).flatMap(AdfWebhookReader::factoryName)
            .orElse(factoryName(factory).orElse(factory));
        named.add(new FailureEvent(RunKey.of(Source.ADF, runId), row.getOrDefault("pipelinename", ""),
            row.getOrDefault("pipelinename", ""), rowFactory, firedAt,
            Optional.ofNullable(row.get("errormessage")).filter(m -> !m.isBlank()), body, severity));
      });
    }
    if (!named.isEmpty()) {
      return new WebhookReading.RunFailures(dedup(named));
    }
    if (factory.isEmpty()) {
      return new WebhookReading.Unusable("the alert names no data factory (alertTargetIDs, configurationItems or a "
          + "ResourceId dimension)");
    }
    JsonNode condition = context.path("condition");
    JsonNode first = condition.path("allOf").path(0);
    String metric = text(first.path("metricName"));
    Map<String, String> dimensions = dimensions(first);
    Optional<String> pipeline = sameInEveryCriterion(condition, metric.startsWith("Pipeline") ? "name" : "pipelinename");
    Optional<String> activity = metric.startsWith("Activity") ? sameInEveryCriterion(condition, "name")
        : Optional.ofNullable(dimensions.get("activityname"));
    Duration size = duration(condition.path("windowSize")).orElse(DEFAULT_WINDOW);
    Instant end = time(condition.path("windowEndTime")).orElse(firedAt);
    Instant start = time(condition.path("windowStartTime")).orElse(end.minus(size));
    return new WebhookReading.FailuresInWindow(new AlertWindow(Source.ADF, factory, pipeline, activity, start, end,
        metric.isEmpty() ? signal + " alert " + alertRule : metric, alertId, firedAt, body, severity));
  }

  private static boolean mentionsDataFactory(JsonNode essentials, JsonNode context) {
    StringBuilder seen = new StringBuilder();
    seen.append(essentials.path("alertTargetIDs")).append(essentials.path("configurationItems"))
        .append(text(essentials.path("targetResourceType")));
    for (JsonNode criterion : context.path("condition").path("allOf")) {
      seen.append(text(criterion.path("metricNamespace"))).append(criterion.path("dimensions"))
          .append(text(criterion.path("searchQuery")));
    }
    seen.append(context.path("SearchQuery").asText("")).append(context.path("SearchResults").path("tables"));
    String all = seen.toString().toLowerCase(Locale.ROOT);
    return all.contains("microsoft.datafactory") || all.contains("adfpipelinerun") || all.contains("adfactivityrun")
        || all.contains("adfsandbox") || all.contains("pipelinerunid");
  }

  /**
   * Every place a log alert can carry run ids, as rows of lower-cased names: the dimensions of each criterion
   * (Log Alerts V2) and the rows of embedded search results (the older Log Analytics shape).
   */
  private static List<Map<String, String>> rows(JsonNode context) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode criterion : context.path("condition").path("allOf")) {
      rows.add(dimensions(criterion));
    }
    for (JsonNode table : context.path("SearchResults").path("tables")) {
      List<String> columns = new ArrayList<>();
      table.path("columns").forEach(column -> columns.add(text(column.path("name")).toLowerCase(Locale.ROOT)));
      for (JsonNode values : table.path("rows")) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
          row.put(columns.get(i), text(values.get(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Map<String, String> dimensions(JsonNode criterion) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonNode dimension : criterion.path("dimensions")) {
      String name = text(dimension.path("name")).toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        dimensions.putIfAbsent(name, text(dimension.path("value")));
      }
    }
    return dimensions;
  }

  // A multi-criteria rule may split by different pipelines; then the whole factory is searched.
  private static Optional<String> sameInEveryCriterion(JsonNode condition, String dimension) {
    String value = null;
    for (JsonNode criterion : condition.path("allOf")) {
      String here = dimensions(criterion).getOrDefault(dimension, "");
      if (here.isEmpty() || (value != null && !value.equals(here))) {
        return Optional.empty();
      }
      value = here;
    }
    return Optional.ofNullable(value);
  }

  private static Optional<String> runIdOf(Map<String, String> row) {
    for (String name : RUN_ID_NAMES) {
      String value = row.getOrDefault(name, "");
      if (RUN_ID.matcher(value).matches()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The factory's resource id from the alert, or its name when only that is given. */
  private static String factory(JsonNode essentials, JsonNode context) {
    List<String> candidates = new ArrayList<>();
    essentials.path("alertTargetIDs").forEach(id -> candidates.add(text(id)));
    essentials.path("configurationItems").forEach(item -> candidates.add(text(item)));
    for (JsonNode criterion : context.path("condition").path("allOf")) {
      Map<String, String> dimensions = dimensions(criterion);
      candidates.add(dimensions.getOrDefault("resourceid", ""));
      candidates.add(dimensions.getOrDefault("_resourceid", ""));
    }
    for (String candidate : candidates) {
      if (FACTORY_ID.matcher(candidate).find()) {
        return candidate;
      }
    }
    // A metric alert's configuration item is the bare factory name.
    if (text(essentials.path("targetResourceType")).equalsIgnoreCase("microsoft.datafactory/factories")) {
      for (JsonNode item : essentials.path("configurationItems")) {
        if (!text(item).isEmpty()) {
          return text(item);
        }
      }
    }
    return "";
  }

  /** The factory name in a resource id, or the text itself when it is a bare name. */
  static Optional<String> factoryName(String resourceIdOrName) {
    if (resourceIdOrName == null || resourceIdOrName.isBlank()) {
      return Optional.empty();
    }
    Matcher matcher = FACTORY_ID.matcher(resourceIdOrName);
    if (matcher.find()) {
      return Optional.of(matcher.group(1));
    }
    return resourceIdOrName.contains("/") ? Optional.empty() : Optional.of(resourceIdOrName.strip());
  }

  // --- the pipeline's own Web activity or Logic App ---

  private static WebhookReading custom(JsonNode root, String body, Instant receivedAt) {
    String runId = first(root, "pipelineRunId", "PipelineRunId", "runId", "RunId", "pipeline_run_id");
    String pipeline = first(root, "pipelineName", "PipelineName", "pipeline");
    String factory = first(root, "dataFactoryName", "DataFactoryName", "factoryName", "dataFactory", "DataFactory");
    String error = first(root, "errorMessage", "ErrorMessage", "message", "error");
    if (error.isEmpty() && root.path("error").isObject()) {
      error = text(root.path("error").path("message"));
    }
    for (String value : List.of(runId, pipeline, factory, error)) {
      if (value.contains("@{") || value.startsWith("@pipeline") || value.startsWith("@activity")) {
        return new WebhookReading.Unusable("the body holds an ADF expression that was not evaluated ("
            + abbreviate(value) + "): write it as \"@{pipeline().RunId}\" inside the Web activity's body");
      }
    }
    if (runId.isEmpty()) {
      return new WebhookReading.Unusable(pipeline.isEmpty() && factory.isEmpty()
          ? "neither an Azure Monitor alert (common alert schema) nor a pipeline failure body with pipelineRunId"
          : "no pipeline run id: add \"pipelineRunId\": \"@{pipeline().RunId}\" to the body");
    }
    if (!RUN_ID.matcher(runId).matches()) {
      return new WebhookReading.Unusable("the pipeline run id must be a GUID such as "
          + "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01, was " + abbreviate(runId));
    }
    FailureEvent event = new FailureEvent(RunKey.of(Source.ADF, runId), pipeline, pipeline, factory, receivedAt,
        error.isEmpty() ? Optional.empty() : Optional.of(error), body);
    return new WebhookReading.RunFailures(List.of(event));
  }

  // --- helpers ---

  private static List<FailureEvent> dedup(List<FailureEvent> events) {
    Map<RunKey, FailureEvent> byRun = new LinkedHashMap<>();
    events.forEach(event -> byRun.putIfAbsent(event.run(), event));
    return List.copyOf(byRun.values());
  }

  private static String first(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node.path(field));
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return "";
    }
    return node.asText("").strip();
  }

  static Optional<Instant> time(JsonNode node) {
    String value = text(node);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> duration(JsonNode node) {
    try {
      return text(node).isEmpty() ? Optional.empty() : Optional.of(Duration.parse(text(node)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }
}
