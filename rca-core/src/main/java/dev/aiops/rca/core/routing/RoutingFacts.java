package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.Source;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing reads of a failure: where it ran, the job and task, the job's tags or annotations, its category, the
 * severity of the alert that reported it and how often it happened.
 *
 * @param source the platform
 * @param jobName the job or pipeline
 * @param task the failed task or activity; empty when not known
 * @param tags the job's tags, or the pipeline's annotations (an annotation {@code owner:team-a} is a key with an
 *     empty value)
 * @param category the root-cause category
 * @param alertSeverity the severity of the Azure Monitor alert that reported it, if one did
 * @param occurrences how many runs failed this way, at least 1
 */
public record RoutingFacts(Source source, String jobName, String task, Map<String, String> tags, Category category,
    Optional<AlertSeverity> alertSeverity, int occurrences) {

  public RoutingFacts {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(task, "task");
    tags = Map.copyOf(tags);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(alertSeverity, "alertSeverity");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be at least 1, was " + occurrences);
    }
  }

  /**
   * The facts of a delivered failure, its fetched run, its analysis and the incident's occurrences. The severity is
   * the delivered event's: the platform's answer for the run knows nothing of the alert that reported it.
   */
  public static RoutingFacts of(FailureEvent delivered, FailedRun run, RootCauseAnalysis analysis,
      int occurrences) {
    return new RoutingFacts(run.source(), run.chain().innermost().displayName(), analysis.failedTask(), run.tags(),
        analysis.category(), delivered.alertSeverity().or(() -> run.event().alertSeverity()), occurrences);
  }
}
