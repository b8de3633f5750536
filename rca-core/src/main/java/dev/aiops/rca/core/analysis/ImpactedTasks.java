package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import java.util.List;

/**
 * The tasks a failure held back (Databricks {@code UPSTREAM_FAILED} or skipped, ADF {@code Skipped}): part of the
 * failure's incident rather than incidents of their own, and what people need to know will not have run. The one
 * computation behind the ticket's and the alert's lists.
 */
public final class ImpactedTasks {

  private ImpactedTasks() {}

  /** The held-back tasks of the run besides {@code failedTask}, in the platform's order; no child runs. */
  public static List<TaskRun> of(FailedRun run, String failedTask) {
    return run.tasks().stream()
        .filter(t -> !t.name().equals(failedTask) && !RootTaskSelector.isChildRun(t))
        .filter(t -> t.state().outcome() == RunOutcome.HELD_BACK).toList();
  }

  /** Each held-back task as {@code name STATE} (the platform's result, else its life-cycle state), once. */
  public static List<String> describe(FailedRun run, String failedTask) {
    return of(run, failedTask).stream().map(ImpactedTasks::label).distinct().toList();
  }

  static String label(TaskRun task) {
    String state = task.state().resultState().isBlank() ? task.state().lifeCycleState() : task.state().resultState();
    return state.isBlank() ? task.name() : task.name() + " " + state;
  }
}
