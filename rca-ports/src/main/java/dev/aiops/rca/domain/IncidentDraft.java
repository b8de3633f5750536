package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline knows of a failed run before it is filed: opens an incident, or recurs on an open one.
 *
 * @param run the run that failed
 * @param signature its error signature
 * @param jobName the job or pipeline
 * @param at when it failed
 * @param analysis its analysis
 * @param costTags the run's cost tags (FinOps), never null
 * @param impact what the failure held back or failed with it (tasks skipped because of it), each with its state
 * @param runPageUrl the run's page on its platform, if the platform said
 */
public record IncidentDraft(
    RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis,
    Map<String, String> costTags, List<String> impact, Optional<String> runPageUrl) {
  public IncidentDraft {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(analysis, "analysis");
    costTags = costTags == null ? Map.of() : Map.copyOf(costTags);
    impact = impact == null ? List.of() : List.copyOf(impact);
    runPageUrl = runPageUrl == null ? Optional.empty() : runPageUrl;
  }

  /** A draft without a run page. */
  public IncidentDraft(RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis,
      Map<String, String> costTags, List<String> impact) {
    this(run, signature, jobName, at, analysis, costTags, impact, Optional.empty());
  }

  /** A draft without impact. */
  public IncidentDraft(RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis,
      Map<String, String> costTags) {
    this(run, signature, jobName, at, analysis, costTags, List.of());
  }

  /** A draft without cost tags. */
  public IncidentDraft(RunKey run, ErrorSignature signature, String jobName, Instant at, RootCauseAnalysis analysis) {
    this(run, signature, jobName, at, analysis, Map.of());
  }
}
