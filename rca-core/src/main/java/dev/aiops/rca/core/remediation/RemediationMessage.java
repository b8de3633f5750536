package dev.aiops.rca.core.remediation;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.Locale;
import java.util.Optional;

/** The incident's message as it reads once a remediation was suggested, run or declined. */
public final class RemediationMessage {

  private RemediationMessage() {}

  /** The notification to redraw the incident's message with, showing the remediation's outcome. */
  public static Notification of(Incident incident, RemediationOutcome outcome, Optional<String> runPageUrl) {
    RootCauseAnalysis analysis = incident.analysis();
    String line = analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
    String text = line + "\nRemediation " + outcome.status().name().toLowerCase(Locale.ROOT) + ": "
        + outcome.detail();
    return new Notification(incident, "[RCA] " + incident.jobName() + " failed: " + analysis.category(), text,
        analysis.category(), incident.ticket(), runPageUrl);
  }
}
