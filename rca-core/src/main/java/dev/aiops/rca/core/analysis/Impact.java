package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failure held back: the tasks besides the failed one that did not run because of it (Databricks
 * {@code UPSTREAM_FAILED}, {@code UPSTREAM_CANCELED}, a skip; a Data Factory activity skipped after a failed
 * dependency). They are part of the failure's incident rather than incidents of their own; the ticket, the message
 * and the incident page list them.
 */
public final class Impact {

  /** How many are listed; the rest are counted. */
  static final int MAX_TASKS = 12;

  private Impact() {}

  /** The held-back tasks of {@code run}, each as its name and state, at most {@link #MAX_TASKS} and a count. */
  public static List<String> heldBack(FailedRun run, String failedTask) {
    return listed(run, failedTask, true);
  }

  /** The other tasks of {@code run}, neither the failed one nor held back by it, as {@link #heldBack} lists them. */
  static List<String> others(FailedRun run, String failedTask) {
    return listed(run, failedTask, false);
  }

  private static List<String> listed(FailedRun run, String failedTask, boolean heldBack) {
    List<String> tasks = run.tasks().stream()
        .filter(t -> !t.name().equals(failedTask) && !RootTaskSelector.isChildRun(t))
        .filter(t -> (t.state().outcome() == RunOutcome.HELD_BACK) == heldBack)
        .map(Impact::named).distinct().toList();
    if (tasks.size() <= MAX_TASKS) {
      return tasks;
    }
    List<String> shown = new ArrayList<>(tasks.subList(0, MAX_TASKS));
    shown.add("... " + (tasks.size() - MAX_TASKS) + " more");
    return List.copyOf(shown);
  }

  private static String named(TaskRun task) {
    return task.name() + " " + task.state().resultState();
  }
}
