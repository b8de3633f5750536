package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.LaterRun;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import java.util.List;
import java.util.Optional;

/**
 * Spots a failure that is already recovered: it needs no incident. Two ways, one rule: the latest attempt decides.
 *
 * <ul>
 *   <li>Within the run: a task that was retried is listed once per attempt (Databricks {@code runs/get} reports
 *       every attempt with its {@code attempt_number}); only each task's latest attempt counts, so a failed first
 *       attempt whose retry succeeded is not a failure.
 *   <li>Across runs: the source reports the latest run that did the run's work again ({@link FailedRun#laterRun},
 *       an ADF rerun of the run group or a later run of the pipeline with the same parameters); if it succeeded,
 *       the failure is recovered.
 * </ul>
 */
public final class RecoveryCheck {

  private RecoveryCheck() {}

  /**
   * Why the run needs no incident: its platform says a later run that did its work again succeeded, or the run
   * itself ended well and the latest attempt of every task did too; empty when it failed. The single entry point,
   * also for an open incident's run asked again later.
   */
  public static Optional<String> reason(FailedRun run) {
    Optional<LaterRun> redone = run.laterRun()
        .filter(later -> later.state().outcome() == RunOutcome.SUCCEEDED && !later.run().equals(run.event().run()));
    if (redone.isPresent()) {
      LaterRun later = redone.get();
      return Optional.of("run " + run.event().run() + " was done again by run " + later.run() + " ("
          + later.how() + "), which ended " + later.state().resultState() + " at " + later.at() + "; no incident");
    }
    if (run.state().outcome() != RunOutcome.SUCCEEDED) {
      return Optional.empty();
    }
    List<TaskRun> latest = TaskRun.latestAttempts(run.tasks());
    if (latest.stream().anyMatch(task -> failed(task.state().outcome()))) {
      return Optional.empty();
    }
    List<String> retried = run.tasks().stream().filter(task -> failed(task.state().outcome()))
        .map(TaskRun::name).distinct().toList();
    String how = retried.isEmpty() ? "a retry succeeded"
        : "the retry of " + String.join(", ", retried) + " succeeded";
    return Optional.of("run " + run.event().run() + " ended " + run.state().resultState()
        + " after the failure was reported (" + how + "); no incident");
  }

  // A cancelled task does not stop a run from succeeding, so only failures of its own count here.
  private static boolean failed(RunOutcome outcome) {
    return outcome == RunOutcome.FAILED || outcome == RunOutcome.TIMED_OUT || outcome == RunOutcome.PLATFORM_ERROR;
  }
}
