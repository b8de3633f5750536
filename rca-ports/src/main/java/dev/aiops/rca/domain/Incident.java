package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure signature while it is open: the first analysis, how often it recurred, and what was done.
 *
 * @param id its id
 * @param signature the error signature it groups
 * @param firstRun the run that opened it
 * @param jobName the job or pipeline
 * @param status open or resolved
 * @param occurrences how many runs failed this way, at least 1
 * @param firstSeen when the first run failed
 * @param lastSeen when the latest run failed
 * @param analysis the analysis of the first run
 * @param ticket the ticket, once opened
 * @param notification the message, once sent
 * @param costTags the cost tags (FinOps) of the run that opened it, never null
 * @param impact what the failure of the run that opened it held back (tasks skipped because of it), never null
 * @param assignment its route, owner, priority and runbook; {@link Assignment#UNROUTED} when nothing routed it
 * @param runPageUrl the page of the run that opened it on its platform (Databricks run page, Data Factory
 *     monitoring), if the platform said
 */
public record Incident(
    IncidentId id,
    ErrorSignature signature,
    RunKey firstRun,
    String jobName,
    IncidentStatus status,
    int occurrences,
    Instant firstSeen,
    Instant lastSeen,
    RootCauseAnalysis analysis,
    Optional<TicketRef> ticket,
    Optional<NotificationRef> notification,
    Map<String, String> costTags,
    List<String> impact,
    Assignment assignment,
    Optional<String> runPageUrl) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(firstRun, "firstRun");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(status, "status");
    if (occurrences < 1) {
      throw new IllegalArgumentException("occurrences must be at least 1, was " + occurrences);
    }
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
    }
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(notification, "notification");
    costTags = costTags == null ? Map.of() : Map.copyOf(costTags);
    impact = impact == null ? List.of() : List.copyOf(impact);
    assignment = assignment == null ? Assignment.UNROUTED : assignment;
    runPageUrl = runPageUrl == null ? Optional.empty() : runPageUrl;
  }

  /** An incident whose run page is not known. */
  public Incident(IncidentId id, ErrorSignature signature, RunKey firstRun, String jobName, IncidentStatus status,
      int occurrences, Instant firstSeen, Instant lastSeen, RootCauseAnalysis analysis, Optional<TicketRef> ticket,
      Optional<NotificationRef> notification, Map<String, String> costTags, List<String> impact,
      Assignment assignment) {
    this(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis, ticket, notification,
        costTags, impact, assignment, Optional.empty());
  }

  /** An incident nothing routed. */
  public Incident(IncidentId id, ErrorSignature signature, RunKey firstRun, String jobName, IncidentStatus status,
      int occurrences, Instant firstSeen, Instant lastSeen, RootCauseAnalysis analysis, Optional<TicketRef> ticket,
      Optional<NotificationRef> notification, Map<String, String> costTags, List<String> impact) {
    this(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis, ticket, notification,
        costTags, impact, Assignment.UNROUTED);
  }

  /** An incident without impact. */
  public Incident(IncidentId id, ErrorSignature signature, RunKey firstRun, String jobName, IncidentStatus status,
      int occurrences, Instant firstSeen, Instant lastSeen, RootCauseAnalysis analysis, Optional<TicketRef> ticket,
      Optional<NotificationRef> notification, Map<String, String> costTags) {
    this(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis, ticket, notification,
        costTags, List.of());
  }

  public Source source() {
    return firstRun.source();
  }

  public Incident withTicket(TicketRef ref) {
    return new Incident(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis,
        Optional.of(ref), notification, costTags, impact, assignment, runPageUrl);
  }

  public Incident withNotification(NotificationRef ref) {
    return new Incident(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis,
        ticket, Optional.of(ref), costTags, impact, assignment, runPageUrl);
  }

  /** The incident after one more run failed the same way at {@code at}. */
  public Incident recurred(Instant at) {
    Instant latest = at.isAfter(lastSeen) ? at : lastSeen;
    return new Incident(id, signature, firstRun, jobName, status, occurrences + 1, firstSeen, latest, analysis,
        ticket, notification, costTags, impact, assignment, runPageUrl);
  }

  public Incident withStatus(IncidentStatus newStatus) {
    return new Incident(id, signature, firstRun, jobName, newStatus, occurrences, firstSeen, lastSeen, analysis,
        ticket, notification, costTags, impact, assignment, runPageUrl);
  }

  /** The incident with the page of the run that opened it. */
  public Incident withRunPageUrl(Optional<String> newRunPageUrl) {
    return new Incident(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis,
        ticket, notification, costTags, impact, assignment, newRunPageUrl);
  }

  public Incident withAssignment(Assignment newAssignment) {
    return new Incident(id, signature, firstRun, jobName, status, occurrences, firstSeen, lastSeen, analysis,
        ticket, notification, costTags, impact, newAssignment, runPageUrl);
  }
}
