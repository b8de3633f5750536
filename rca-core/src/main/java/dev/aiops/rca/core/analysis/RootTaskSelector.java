package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.TaskRun;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the task or activity where a failure originated: a failed one, not a downstream task the platform
 * skipped, the last attempt of a retried task, the failed iteration of a repeated activity, and an inner
 * activity rather than the ForEach, ExecutePipeline or If that wraps it.
 */
final class RootTaskSelector {

  /** Detail key the adapters set on child runs ({@code dbutils.notebook.run}) to tell them from job tasks. */
  static final String RUN_TYPE = "run_type";
  static final String CHILD_RUN = "WORKFLOW_RUN";

  private static final Set<String> WRAPPERS = Set.of(
      "foreach", "executepipeline", "ifcondition", "switch", "until", "run_job_task", "for_each_task");
  private static final Pattern NAMED_IN_STATE = Pattern.compile("^Task (\\S+) failed");

  private RootTaskSelector() {}

  static Optional<TaskRun> select(FailedRun run) {
    List<TaskRun> failed = latestAttempts(run).stream().filter(RootTaskSelector::hasFailed).toList();
    if (failed.isEmpty()) {
      return run.tasks().stream().filter(t -> !isChildRun(t)).filter(t -> t.error().isPresent()
          && !t.error().get().isEmpty()).findFirst();
    }
    // A failed task that other failed tasks name as parent (an ADF Databricks activity and the tasks of the
    // Databricks run it started) only reports their failure, as a wrapper does.
    List<TaskRun> leaves = failed.stream().filter(t -> !isWrapper(t) && !isParentOfAny(t, failed)).toList();
    List<TaskRun> pool = leaves.isEmpty() ? failed : leaves;
    Optional<String> named = namedInRunState(run);
    if (named.isPresent()) {
      Optional<TaskRun> match = pool.stream().filter(t -> t.name().equals(named.get())).findFirst();
      if (match.isPresent()) {
        return match;
      }
    }
    // A failed task that waited for another failed task is downstream of it.
    List<String> names = pool.stream().map(TaskRun::name).toList();
    return pool.stream().filter(t -> t.dependsOn().stream().noneMatch(names::contains))
        .findFirst().or(() -> pool.stream().findFirst());
  }

  /** The child runs (notebook workflows) a task started. */
  static List<TaskRun> childrenOf(FailedRun run, TaskRun task) {
    return run.tasks().stream().filter(RootTaskSelector::isChildRun)
        .filter(t -> t.parent().map(task.name()::equals).orElse(false)).toList();
  }

  private static boolean isParentOfAny(TaskRun task, List<TaskRun> others) {
    return others.stream().anyMatch(other -> other != task && other.parent().map(task.name()::equals).orElse(false));
  }

  static boolean isWrapper(TaskRun task) {
    return WRAPPERS.contains(task.kind().toLowerCase(Locale.ROOT));
  }

  static boolean isChildRun(TaskRun task) {
    return task.detail(RUN_TYPE).map(CHILD_RUN::equals).orElse(false);
  }

  static boolean hasFailed(TaskRun task) {
    return task.state().outcome().isFailure();
  }

  /** Per name, the last attempt; for repeated activities (ForEach iterations), the failed one with an error. */
  private static List<TaskRun> latestAttempts(FailedRun run) {
    return TaskRun.latestAttempts(run.tasks().stream().filter(t -> !isChildRun(t)).toList());
  }

  private static Optional<String> namedInRunState(FailedRun run) {
    Matcher m = NAMED_IN_STATE.matcher(run.state().message().strip());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
