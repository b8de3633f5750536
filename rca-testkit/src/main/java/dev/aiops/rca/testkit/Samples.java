package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ready-made domain values for tests. */
public final class Samples {

  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private Samples() {}

  /** A Databricks failure event of job {@code etl_orders}. */
  public static FailureEvent databricksEvent(String runId) {
    return new FailureEvent(RunKey.of(Source.DATABRICKS, runId), "42", "etl_orders", "adb-1.azuredatabricks.net",
        T0, Optional.empty(), "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":\"" + runId + "\"}}");
  }

  /** The enriched run behind {@link #databricksEvent}: task {@code load_users} failed with {@code error}. */
  public static FailedRun databricksRun(String runId, String error) {
    TaskRun failed = new TaskRun("load_users", new RunId(runId + "1"), "notebook_task", List.of(),
        RunState.failed("Workload failed, see run output for details"), 0,
        Optional.of(TaskError.ofMessage(error)), Optional.empty(), Optional.empty(),
        Map.of("notebook_path", "/Repos/etl/ETL_Transform"));
    return new FailedRun(databricksEvent(runId), "etl_orders", Optional.of("https://adb-1/run/" + runId),
        RunState.failed("Task load_users failed"), List.of(failed), Map.of("cost_center", "cc-7"));
  }

  public static RootCauseAnalysis analysis(Category category, String line) {
    return new RootCauseAnalysis(category, line, "load_users", "summary of " + line, List.of(line),
        List.of("check " + line), List.of(), 0.8, "rules",
        new Classification(ClassificationLayer.IDENTIFIER, "sample"), Set.of());
  }

  /** A 64-digit signature made of {@code digit}. */
  public static ErrorSignature signature(char digit) {
    return new ErrorSignature(String.valueOf(digit).repeat(64));
  }

  public static IncidentDraft draft(String runId, char signatureDigit, Instant at) {
    return new IncidentDraft(RunKey.of(Source.DATABRICKS, runId), signature(signatureDigit), "etl_orders", at,
        analysis(Category.TABLE_OR_VIEW_NOT_FOUND, "[TABLE_OR_VIEW_NOT_FOUND] prod.users"));
  }

  /** A draft whose run carries {@code costTags}. */
  public static IncidentDraft draft(String runId, char signatureDigit, Instant at, Map<String, String> costTags) {
    return new IncidentDraft(RunKey.of(Source.DATABRICKS, runId), signature(signatureDigit), "etl_orders", at,
        analysis(Category.TABLE_OR_VIEW_NOT_FOUND, "[TABLE_OR_VIEW_NOT_FOUND] prod.users"), costTags);
  }
}
