package dev.aiops.rca.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts a rich ticket shows beyond its text, for trackers that format them (Jira's document format, ServiceNow
 * fields): the analysis, the run page and the job's tags.
 *
 * @param jobName the job or pipeline
 * @param source the platform the failure came from
 * @param analysis the analysis: failed task, root-cause line, summary, actions, analyzer and confidence
 * @param occurrences how many runs failed this way so far, at least 1
 * @param runPageUrl the failed run's page, if known
 * @param tags the job's or pipeline's tags (cost centre and the like)
 */
public record TicketDetails(
    String jobName,
    Source source,
    RootCauseAnalysis analysis,
    int occurrences,
    Optional<String> runPageUrl,
    Map<String, String> tags) {

  public TicketDetails {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(analysis, "analysis");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be at least 1, was " + occurrences);
    }
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    tags = Map.copyOf(tags);
  }

  /** The details of an incident's ticket, with the run page and tags of the run that opened it. */
  public static TicketDetails of(Incident incident, Optional<String> runPageUrl, Map<String, String> tags) {
    return new TicketDetails(incident.jobName(), incident.source(), incident.analysis(), incident.occurrences(),
        runPageUrl, tags);
  }
}
