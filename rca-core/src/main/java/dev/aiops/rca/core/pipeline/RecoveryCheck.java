package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spots a run that its platform says ended well after the failure was reported: it needs no incident. A task that
 * was retried is listed once per attempt (Databricks {@code runs/get} reports every attempt with its
 * {@code attempt_number}); only each task's latest attempt counts, so a failed first attempt whose retry succeeded
 * is not a failure.
 */
public final class RecoveryCheck {

  private RecoveryCheck() {}

  /**
   * Why the run needs no incident, when its platform says it ended well and the latest attempt of every task did
   * too; empty when it failed.
   */
  public static Optional<String> reason(FailedRun run) {
    if (run.state().outcome() != RunOutcome.SUCCEEDED) {
      return Optional.empty();
    }
    Collection<TaskRun> latest = latestAttempts(run.tasks());
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

  /** The latest attempt of each task, by name; a platform without attempts lists each task once. */
  static Collection<TaskRun> latestAttempts(List<TaskRun> tasks) {
    Map<String, TaskRun> latest = new LinkedHashMap<>();
    tasks.forEach(task -> latest.merge(task.name(), task,
        (kept, other) -> other.attempt() >= kept.attempt() ? other : kept));
    return latest.values();
  }

  // A cancelled task does not stop a run from succeeding, so only failures of its own count here.
  private static boolean failed(RunOutcome outcome) {
    return outcome == RunOutcome.FAILED || outcome == RunOutcome.TIMED_OUT || outcome == RunOutcome.PLATFORM_ERROR;
  }
}
