package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.Locale;
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
    String text = line(incident.analysis()) + "\nRemediation " + outcome.status().name().toLowerCase(Locale.ROOT)
        + ": " + outcome.detail();
    return of(incident, text, runPageUrl);
  }

  private static Notification of(Incident incident, String text, Optional<String> runPageUrl) {
    RootCauseAnalysis analysis = incident.analysis();
    return new Notification(incident, "[RCA] " + incident.jobName() + " failed: " + analysis.category(), text,
        analysis.category(), incident.ticket(), runPageUrl);
  }

  private static String line(RootCauseAnalysis analysis) {
    return analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
  }
}
