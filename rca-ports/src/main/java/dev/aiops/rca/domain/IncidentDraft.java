package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the pipeline knows of a failed run before it is filed: opens an incident, or recurs on an open one.
 *
 * @param run the run that failed
 * @param signature its error signature
 * @param jobName the job or pipeline
 * @param at when it failed
 * @param analysis its analysis
 */
public record IncidentDraft(
    RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis) {
  public IncidentDraft {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(analysis, "analysis");
  }
}
