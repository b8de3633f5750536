package dev.aiops.rca.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts a rich ticket shows beyond its text, for trackers that format them (Jira's document format, ServiceNow
 * fields): the analysis, the run page, the cost tags and the impact.
 *
 * @param jobName the job or pipeline
 * @param source the platform the failure came from
 * @param analysis the analysis: failed task, root-cause line, summary, actions, analyzer and confidence
 * @param occurrences how many runs failed this way so far, at least 1
 * @param runPageUrl the failed run's page, if known
 * @param tags the incident's cost tags (FinOps): the {@code RCA_COST_TAG_KEYS} of the run, each once
 * @param impact the runs that only wrapped the failure (parent pipeline runs, the ADF pipeline around a
 *     Databricks run), outermost first, one line each; empty when it wrapped nothing
 * @param assignment the incident's route, owner, priority and runbook
 */
public record TicketDetails(
    String jobName,
    Source source,
    RootCauseAnalysis analysis,
    int occurrences,
    Optional<String> runPageUrl,
    Map<String, String> tags,
    List<String> impact,
    Assignment assignment) {

  public TicketDetails {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(analysis, "analysis");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be at least 1, was " + occurrences);
    }
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    tags = Map.copyOf(tags);
    impact = List.copyOf(impact);
    Objects.requireNonNull(assignment, "assignment");
  }

  /** Details of an unrouted incident. */
  public TicketDetails(String jobName, Source source, RootCauseAnalysis analysis, int occurrences,
      Optional<String> runPageUrl, Map<String, String> tags, List<String> impact) {
    this(jobName, source, analysis, occurrences, runPageUrl, tags, impact, Assignment.UNROUTED);
  }

  /** Details without impact. */
  public TicketDetails(String jobName, Source source, RootCauseAnalysis analysis, int occurrences,
      Optional<String> runPageUrl, Map<String, String> tags) {
    this(jobName, source, analysis, occurrences, runPageUrl, tags, List.of());
  }

  /** The details of an incident's ticket, with the run page and tags of the run that opened it. */
  public static TicketDetails of(Incident incident, Optional<String> runPageUrl, Map<String, String> tags) {
    return of(incident, runPageUrl, tags, List.of());
  }

  /** The details of an incident's ticket, with the run page, tags and impact of the run that opened it. */
  public static TicketDetails of(Incident incident, Optional<String> runPageUrl, Map<String, String> tags,
      List<String> impact) {
    return new TicketDetails(incident.jobName(), incident.source(), incident.analysis(), incident.occurrences(),
        runPageUrl, tags, impact, incident.assignment());
  }
}
