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
 * @param chain the runs the failure went through, outermost first; the run itself when it wrapped nothing
 * @param laterRun the latest run that did this run's work again, when the platform knows one (an ADF rerun)
 */
public record FailedRun(
    FailureEvent event,
    String runName,
    Optional<String> runPageUrl,
    RunState state,
    List<TaskRun> tasks,
    Map<String, String> tags,
    FailureChain chain,
    Optional<LaterRun> laterRun) {

  public FailedRun {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    Objects.requireNonNull(state, "state");
    tasks = List.copyOf(tasks);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(laterRun, "laterRun");
  }

  /** A run that wrapped nothing and was not done again, as far as its platform said. */
  public FailedRun(FailureEvent event, String runName, Optional<String> runPageUrl, RunState state,
      List<TaskRun> tasks, Map<String, String> tags) {
    this(event, runName, runPageUrl, state, tasks, tags, FailureChain.of(event), Optional.empty());
  }

  /** This run with the chain its failure went through. */
  public FailedRun withChain(FailureChain newChain) {
    return new FailedRun(event, runName, runPageUrl, state, tasks, tags, newChain, laterRun);
  }

  /** This run with the latest run that did its work again. */
  public FailedRun withLaterRun(Optional<LaterRun> newLaterRun) {
    return new FailedRun(event, runName, runPageUrl, state, tasks, tags, chain, newLaterRun);
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
