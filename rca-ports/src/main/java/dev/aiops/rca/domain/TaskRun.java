package dev.aiops.rca.domain;

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

  /** A detail by name, or empty. */
  public Optional<String> detail(String key) {
    return Optional.ofNullable(details.get(key));
  }
}
