package dev.aiops.rca.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure enriched through the platform's API: the run's state and every task or activity it ran.
 *
 * @param event the webhook event it came from
 * @param runName the run's own name; may be empty
 * @param runPageUrl the run's page, if known
 * @param state the run's state
 * @param tasks the tasks or activity runs, failed or not, in the order the platform listed them
 * @param tags the job's or pipeline's tags and annotations (cost centre and the like)
 */
public record FailedRun(
    FailureEvent event,
    String runName,
    Optional<String> runPageUrl,
    RunState state,
    List<TaskRun> tasks,
    Map<String, String> tags) {

  public FailedRun {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    Objects.requireNonNull(state, "state");
    tasks = List.copyOf(tasks);
    tags = Map.copyOf(tags);
  }

  /** What can be said with nothing but the webhook: used when the platform cannot be asked. */
  public static FailedRun fromEventOnly(FailureEvent event) {
    return new FailedRun(
        event,
        event.jobName(),
        Optional.empty(),
        RunState.failed(event.reportedError().orElse("")),
        List.of(),
        Map.of());
  }

  public Source source() {
    return event.source();
  }
}
