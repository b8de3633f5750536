package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.hidden;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.port.in.IncidentDetails;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One incident, in the order the person on call reads it: priority, owner, runbook and links; the root cause and
 * the evidence (credentials masked); the recommended actions and the remediation waiting for approval; what the
 * failure held back and its cost tags; the details and the failed runs; the resolve form for operators; and the
 * audit trail.
 */
final class IncidentPage {

  private final Optional<String> slackWorkspaceUrl;

  /** @param slackWorkspaceUrl links the alert's Slack message when known */
  IncidentPage(Optional<String> slackWorkspaceUrl) {
    this.slackWorkspaceUrl = slackWorkspaceUrl;
  }

  String render(Session session, IncidentDetails details, String flash) {
    Incident incident = details.incident();
    long id = incident.id().value();
    StringBuilder b = new StringBuilder("<main class=\"incident\">");
    b.append("<p><a href=\"/incidents\">&larr; All incidents</a></p>");
    b.append("<h1>Incident #").append(id).append(": ").append(esc(incident.jobName())).append(" <span class=\"")
        .append("badge status-").append(esc(incident.status().name().toLowerCase(Locale.ROOT)))
        .append("\" id=\"status\">").append(esc(incident.status().name())).append("</span></h1>");
    if (!flash.isEmpty()) {
      b.append("<p class=\"flash\" role=\"status\" id=\"flash\">").append(esc(flash)).append("</p>");
    }
    b.append(IncidentSections.onCall(incident, slackWorkspaceUrl))
        .append(IncidentSections.rootCause(incident.analysis()))
        .append(IncidentSections.evidence(incident.analysis()))
        .append(IncidentSections.actions(incident.analysis()))
        .append(RemediationSection.render(session, details))
        .append(IncidentSections.impact(incident))
        .append(IncidentSections.costTags(incident))
        .append(IncidentSections.facts(incident))
        .append(IncidentSections.failedRuns(details.auditTrail()))
        .append(resolution(session, incident))
        .append(IncidentSections.audit(details.auditTrail()))
        .append("</main>");
    return document("Incident #" + id, "incident", Optional.of(session), b.toString(), List.of());
  }

  /** The resolve form, for operators while the incident is open: after the facts that lead to it. */
  private static String resolution(Session session, Incident incident) {
    if (incident.status() != IncidentStatus.OPEN || !session.role().includes(Role.OPERATOR)) {
      return "";
    }
    return "<section id=\"resolution\"><h2>Resolve</h2><form method=\"post\" action=\"/incidents/"
        + incident.id().value() + "/resolve\" class=\"resolve\" id=\"resolve-form\">"
        + hidden("csrf", session.csrfToken())
        + "<label for=\"resolve-reason\">Resolution</label> <input type=\"text\" name=\"reason\" "
        + "id=\"resolve-reason\" maxlength=\"500\" placeholder=\"what fixed it (goes to the ticket and Slack)\"> "
        + "<button type=\"submit\" id=\"resolve\">Resolve</button></form></section>";
  }
}
