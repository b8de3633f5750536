package dev.aiops.rca.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a Databricks run, or one activity run of an ADF pipeline run, with what it reported.
 *
 * @param name the task key or activity name
 * @param runId the task's or activity's own run id
 * @param kind what ran: {@code notebook_task}, {@code spark_python_task}, ADF {@code Copy}, {@code ForEach} ...
 * @param dependsOn the names of the tasks it waited for
 * @param state its state
 * @param attempt the retry attempt, 0 for the first
 * @param error the error it reported, if any
 * @param runPageUrl its run page, if the platform gave one
 * @param parent the task, activity or pipeline run that started it (a {@code dbutils.notebook.run} caller,
 *     a ForEach or an ExecutePipeline), if any
 * @param details further facts by name, such as {@code notebook_path}, {@code python_file},
 *     {@code pipeline_name} or {@code child_pipeline_run_id}
 */
public record TaskRun(
    String name,
    RunId runId,
    String kind,
    List<String> dependsOn,
    RunState state,
    int attempt,
    Optional<TaskError> error,
    Optional<String> runPageUrl,
    Optional<String> parent,
    Map<String, String> details) {

  public TaskRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(kind, "kind");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(state, "state");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative, was " + attempt);
    }
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    Objects.requireNonNull(parent, "parent");
    details = Map.copyOf(details);
  }

  /**
   * The latest attempt of each task among {@code tasks}, by name, in the order the names first appear: a platform
   * lists a retried task once per attempt (Databricks {@code attempt_number}). Of two entries with the same name and
   * attempt, the one that failed, then the one with an error, is kept.
   */
  public static List<TaskRun> latestAttempts(Collection<TaskRun> tasks) {
    Map<String, TaskRun> byName = new LinkedHashMap<>();
    for (TaskRun task : tasks) {
      byName.merge(task.name(), task, (kept, other) -> later(other, kept) ? other : kept);
    }
    return List.copyOf(byName.values());
  }

  private static boolean later(TaskRun candidate, TaskRun kept) {
    if (candidate.attempt() != kept.attempt()) {
      return candidate.attempt() > kept.attempt();
    }
    return weight(candidate) > weight(kept);
  }

  private static int weight(TaskRun task) {
    boolean errored = task.error().filter(e -> !e.isEmpty()).isPresent();
    return (task.state().outcome().isFailure() ? 2 : 0) + (errored ? 1 : 0);
  }

  /** A detail by name, or empty. */
  public Optional<String> detail(String key) {
    return Optional.ofNullable(details.get(key));
  }
}
