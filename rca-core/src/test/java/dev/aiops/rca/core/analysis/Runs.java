package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built runs for the extraction tests. */
final class Runs {

  private Runs() {}

  static FailedRun databricks(TaskRun... tasks) {
    return run(Source.DATABRICKS, RunState.failed("Task x failed with message: Workload failed, see run output"
        + " for details. This caused all downstream tasks to get skipped."), tasks);
  }

  static FailedRun run(Source source, RunState state, TaskRun... tasks) {
    FailureEvent event = new FailureEvent(RunKey.of(source, "100"), "42", "etl_orders", "adb-1",
        Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), "{}");
    return new FailedRun(event, "etl_orders", Optional.empty(), state, List.of(tasks), Map.of());
  }

  static TaskRun failed(String name, String message, String trace) {
    return task(name, "notebook_task", "FAILED", 0, List.of(), new TaskError(message, trace, "", false, "", ""));
  }

  static TaskRun task(String name, String kind, String result, int attempt, List<String> dependsOn, TaskError error) {
    return new TaskRun(name, new RunId(name + "-" + attempt), kind, dependsOn,
        RunState.of(outcomeOf(result), result, result.equals("FAILED") ? "Workload failed, see run output for details"
            : ""), attempt, Optional.ofNullable(error), Optional.empty(), Optional.empty(), Map.of());
  }

  /** The outcome the adapters would map these Databricks and Data Factory words to. */
  static RunOutcome outcomeOf(String word) {
    return switch (word.toUpperCase(java.util.Locale.ROOT)) {
      case "FAILED", "MAXIMUM_CONCURRENT_RUNS_REACHED" -> RunOutcome.FAILED;
      case "SUCCESS", "SUCCEEDED" -> RunOutcome.SUCCEEDED;
      case "TIMEDOUT" -> RunOutcome.TIMED_OUT;
      case "CANCELED", "CANCELLED" -> RunOutcome.CANCELLED;
      case "UPSTREAM_FAILED", "UPSTREAM_CANCELED", "SKIPPED" -> RunOutcome.HELD_BACK;
      case "INPROGRESS", "QUEUED", "RUNNING" -> RunOutcome.RUNNING;
      default -> RunOutcome.OTHER;
    };
  }

  static TaskRun skipped(String name, String upstream) {
    return task(name, "notebook_task", "UPSTREAM_FAILED", 0, List.of(upstream), null);
  }

  static TaskRun child(String name, String parent, String message, String trace) {
    return new TaskRun(name, new RunId("child-" + name), "workflow_run", List.of(), RunState.failed(""), 0,
        Optional.of(new TaskError(message, trace, "", false, "", "")), Optional.empty(), Optional.of(parent),
        Map.of(RootTaskSelector.RUN_TYPE, RootTaskSelector.CHILD_RUN, "notebook_path", "/Repos/x/" + name));
  }

  static TaskRun adf(String name, String type, String status, String code, String message, String parent) {
    return adf(name, type, status, code, message, parent, "UserError");
  }

  static TaskRun adf(String name, String type, String status, String code, String message, String parent,
      String failureType) {
    TaskError error = message.isEmpty() && code.isEmpty() ? null : new TaskError(message, "", "", false, code,
        failureType);
    return new TaskRun(name, new RunId(name + "-" + status + "-" + message.hashCode()), type, List.of(),
        RunState.of(outcomeOf(status), status, ""), 0, Optional.ofNullable(error), Optional.empty(),
        Optional.ofNullable(parent), Map.of());
  }

  static TaskRun terminated(String name, String lifeCycle, String stateMessage, Termination termination) {
    return new TaskRun(name, new RunId(name), "notebook_task", List.of(),
        new RunState(lifeCycle.equals("INTERNAL_ERROR") ? RunOutcome.PLATFORM_ERROR : RunOutcome.FAILED, lifeCycle,
            "FAILED", stateMessage, Optional.ofNullable(termination), false), 0,
        Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }
}
