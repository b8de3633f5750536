package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the pipeline knows of a failed run before it is filed: opens an incident, or recurs on an open one.
 *
 * @param run the run that failed
 * @param signature its error signature
 * @param jobName the job or pipeline
 * @param at when it failed
 * @param analysis its analysis
 * @param costTags the run's cost tags (FinOps), never null
 */
public record IncidentDraft(
    RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis,
    Map<String, String> costTags) {
  public IncidentDraft {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(analysis, "analysis");
    costTags = costTags == null ? Map.of() : Map.copyOf(costTags);
  }

  /** A draft without cost tags. */
  public IncidentDraft(RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis) {
    this(run, signature, jobName, at, analysis, Map.of());
  }
}
