package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.Optional;

/** The message that tells people about an incident, as first posted and as redrawn when the incident changes. */
public final class IncidentMessage {

  private IncidentMessage() {}

  /** The incident as it is: title, root-cause line (or summary), ticket and run page. */
  public static Notification of(Incident incident, Optional<String> runPageUrl) {
    return of(incident, line(incident.analysis()), runPageUrl);
  }

  /** The incident with the outcome of a remediation below its root-cause line. */
  public static Notification withRemediation(Incident incident, RemediationOutcome outcome,
      Optional<String> runPageUrl) {
    String text = line(incident.analysis()) + "\n" + Notification.remediationLine(outcome);
    return of(incident, text, runPageUrl).withRemediation(outcome);
  }

  /** The resolved incident, saying who resolved it and why below its root-cause line. */
  public static Notification resolved(Incident incident, String actor, String reason) {
    String text = line(incident.analysis()) + "\nResolved by " + actor + (reason.isBlank() ? "" : ": " + reason);
    return of(incident, text, Optional.empty());
  }

  /** The note for the incident's ticket that tells what a remediation did or how the run it started ended. */
  public static String ticketNote(RemediationOutcome outcome) {
    String action = outcome.plan().action().name();
    String newRun = outcome.newRun().map(run -> " (new run " + run + ")").orElse("");
    switch (outcome.status()) {
      case SUGGESTED:
        return "Remediation suggested, waiting for an operator's approval on the dashboard: " + outcome.detail();
      case EXECUTED:
        return "Remediation " + action + " started" + newRun + ": " + outcome.detail()
            + ". How its run ends is added here when it ends.";
      case FAILED:
        return "Remediation " + action + " could not run: " + outcome.detail();
      case REJECTED:
        return "Remediation " + action + " declined: " + outcome.detail();
      case SKIPPED:
        return "Remediation " + action + " not run: " + outcome.detail();
      case RUN_SUCCEEDED:
        return "The run started by remediation " + action + newRun + " ended well: " + outcome.detail();
      case RUN_FAILED:
        return "The run started by remediation " + action + newRun + " did not end well: " + outcome.detail()
            + ". The incident stays open.";
      default:
        throw new IllegalArgumentException("unknown status " + outcome.status());
    }
  }

  private static Notification of(Incident incident, String text, Optional<String> runPageUrl) {
    RootCauseAnalysis analysis = incident.analysis();
    // The held-back tasks are kept with the incident, so every redraw (an outcome, a resolution) still lists them.
    return new Notification(incident, "[RCA] " + incident.jobName() + " failed: " + analysis.category(), text,
        analysis.category(), incident.ticket(), runPageUrl, incident.impact());
  }

  private static String line(RootCauseAnalysis analysis) {
    return analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
  }
}
