package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.fact;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.hidden;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.link;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.list;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.time;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.in.IncidentDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One incident: its facts, root cause, evidence (credentials masked), runs, ticket and chat links, cost tags,
 * remediation with the approve forms, and the audit trail; operators also get the resolve form.
 */
final class IncidentPage {

  private final Optional<String> slackWorkspaceUrl;

  /** @param slackWorkspaceUrl links the alert's Slack message when known */
  IncidentPage(Optional<String> slackWorkspaceUrl) {
    this.slackWorkspaceUrl = slackWorkspaceUrl;
  }

  String render(Session session, IncidentDetails details, String flash) {
    Incident incident = details.incident();
    RootCauseAnalysis analysis = incident.analysis();
    long id = incident.id().value();
    StringBuilder b = new StringBuilder("<main class=\"incident\">");
    b.append("<p><a href=\"/incidents\">&larr; All incidents</a></p>");
    b.append("<h1>Incident #").append(id).append(": ").append(esc(incident.jobName())).append("</h1>");
    if (!flash.isEmpty()) {
      b.append("<p class=\"flash\" role=\"status\" id=\"flash\">").append(esc(flash)).append("</p>");
    }
    b.append("<dl class=\"facts\">")
        .append(fact("Status", incident.status().name()))
        .append(fact("Priority", incident.assignment().priority().name()))
        .append(fact("Owner", incident.assignment().owner().orElse("none")))
        .append(fact("Route", incident.assignment().route()))
        .append(fact("Source", incident.source().name()))
        .append(fact("Category", analysis.category().name()))
        .append(fact("Failed task", analysis.failedTask().isEmpty() ? "unknown" : analysis.failedTask()))
        .append(fact("First run", incident.firstRun().toString()))
        .append(fact("First seen", time(incident.firstSeen())))
        .append(fact("Last seen", time(incident.lastSeen())))
        .append(fact("Failed runs", Integer.toString(incident.occurrences())))
        .append(fact("Signature", incident.signature().shortHash()))
        .append(fact("Analysed by", analysis.analyzer() + String.format(Locale.ROOT,
            " (confidence %.2f)", analysis.confidence())))
        .append(fact("Classified by", Redaction.apply(analysis.classification().describe())))
        .append(fact("Caveats", analysis.flags().isEmpty() ? "none" : analysis.flags().toString()))
        .append("</dl>");

    b.append(resolution(session, incident));
    b.append("<section id=\"root-cause\"><h2>Root cause</h2><pre class=\"root-cause-line\" id=\"root-cause-line\">")
        .append(esc(Redaction.apply(analysis.rootCauseLine().isEmpty()
            ? "no single line states the cause" : analysis.rootCauseLine())))
        .append("</pre></section>");
    b.append("<section id=\"rca\"><h2>Analysis</h2><p class=\"summary\">")
        .append(esc(Redaction.apply(analysis.summary()))).append("</p></section>");
    b.append("<section id=\"actions\"><h2>Recommended actions</h2>").append(list("ol", analysis.recommendedActions()))
        .append("</section>");
    b.append("<section id=\"evidence\"><h2>Evidence <small>(credentials masked)</small></h2>");
    for (String excerpt : analysis.evidence()) {
      b.append("<pre class=\"evidence\">").append(esc(Redaction.apply(excerpt))).append("</pre>");
    }
    if (analysis.evidence().isEmpty()) {
      b.append("<p>none</p>");
    }
    if (!analysis.entities().isEmpty()) {
      b.append("<h3>Names found</h3><ul class=\"entities\">");
      for (Entity entity : analysis.entities()) {
        b.append("<li><span class=\"kind\">").append(esc(entity.kind().name())).append("</span> <code>")
            .append(esc(entity.value())).append("</code></li>");
      }
      b.append("</ul>");
    }
    b.append("</section>");

    b.append("<section id=\"occurrences\"><h2>Failed runs</h2><ul>");
    for (AuditEntry entry : details.auditTrail()) {
      if (entry.action() == AuditAction.INCIDENT_OPENED || entry.action() == AuditAction.OCCURRENCE_ADDED) {
        b.append("<li><time>").append(esc(time(entry.at()))).append("</time> <code>")
            .append(esc(entry.run().toString())).append("</code></li>");
      }
    }
    b.append("</ul></section>");
    b.append("<section id=\"impact\"><h2>Impacted tasks <small>(held back by this failure)</small></h2>")
        .append(list("ul", incident.impact())).append("</section>");

    b.append("<section id=\"links\"><h2>Ticket and chat</h2><ul>");
    b.append("<li>Ticket: ").append(incident.ticket().map(t -> link(Html.safeHref(t.url()), t.system() + " " + t.key()))
        .orElse("none yet")).append("</li>");
    b.append("<li>Slack: ").append(incident.notification().map(n -> link(SlackLinks.messageUrl(slackWorkspaceUrl, n),
        "#" + n.channel() + " message " + n.messageId())).orElse("not notified")).append("</li>");
    b.append("<li>Runbook: ").append(incident.assignment().runbookUrl()
        .map(url -> link(Html.safeHref(url), url)).orElse("none configured")).append("</li>");
    b.append("</ul></section>");
    b.append("<section id=\"cost-tags\"><h2>Cost tags</h2>");
    if (incident.costTags().isEmpty()) {
      b.append("<p>none</p>");
    } else {
      b.append("<dl class=\"cost-tags\">");
      new TreeMap<>(incident.costTags()).forEach((key, value) -> b.append("<dt>").append(esc(key))
          .append("</dt><dd>").append(esc(value)).append("</dd>"));
      b.append("</dl>");
    }
    b.append("</section>");

    b.append(remediation(session, details));

    b.append("<section id=\"audit\"><h2>Audit trail</h2><ol class=\"timeline\">");
    for (AuditEntry entry : details.auditTrail()) {
      b.append("<li><time>").append(esc(time(entry.at()))).append("</time> <span class=\"action\">")
          .append(esc(entry.action().name())).append("</span> <span class=\"actor\">by ")
          .append(esc(entry.actor())).append("</span><p>").append(esc(Redaction.apply(entry.detail())))
          .append("</p></li>");
    }
    b.append("</ol></section></main>");
    return document("Incident #" + id, "incident", Optional.of(session), b.toString(), List.of());
  }

  /** The resolve form, for operators while the incident is open. */
  private static String resolution(Session session, Incident incident) {
    if (incident.status() != IncidentStatus.OPEN || !session.role().includes(Role.OPERATOR)) {
      return "";
    }
    return "<form method=\"post\" action=\"/incidents/" + incident.id().value() + "/resolve\" class=\"resolve\" "
        + "id=\"resolve-form\">" + hidden("csrf", session.csrfToken())
        + "<label for=\"resolve-reason\">Resolution</label> <input type=\"text\" name=\"reason\" "
        + "id=\"resolve-reason\" maxlength=\"500\" placeholder=\"what fixed it (goes to the ticket and Slack)\"> "
        + "<button type=\"submit\" id=\"resolve\">Resolve</button></form>";
  }

  private String remediation(Session session, IncidentDetails details) {
    long id = details.incident().id().value();
    StringBuilder b = new StringBuilder("<section id=\"remediation\"><h2>Remediation</h2>");
    Map<RemediationAction, RemediationOutcome> latest = new LinkedHashMap<>();
    for (RemediationOutcome outcome : details.remediations()) {
      latest.put(outcome.plan().action(), outcome);
    }
    boolean any = false;
    for (RemediationOutcome outcome : latest.values()) {
      if (outcome.status() != RemediationStatus.SUGGESTED) {
        continue;
      }
      any = true;
      String action = outcome.plan().action().name();
      b.append("<div class=\"suggestion\" id=\"suggestion-").append(esc(action)).append("\"><h3>Suggested: ")
          .append(esc(action)).append("</h3><p>").append(esc(outcome.plan().reason())).append("</p>")
          .append("<p>It would call:</p><pre class=\"api-call\">").append(esc(outcome.detail())).append("</pre>");
      if (session.role().includes(Role.OPERATOR)) {
        b.append("<form method=\"post\" action=\"/incidents/").append(id).append("/remediations/")
            .append(esc(action)).append("/approve\">").append(hidden("csrf", session.csrfToken()))
            .append("<button type=\"submit\" class=\"approve\" id=\"approve-").append(esc(action))
            .append("\">Approve</button></form>");
      } else {
        b.append("<p class=\"hint\">An operator can approve it.</p>");
      }
      b.append("</div>");
    }
    if (!any) {
      b.append("<p>No remediation waits for approval.</p>");
    }
    if (!details.remediations().isEmpty()) {
      b.append("<h3>History</h3><ol class=\"outcomes\" id=\"remediation-outcomes\">");
      for (RemediationOutcome outcome : details.remediations()) {
        b.append("<li class=\"outcome status-").append(esc(outcome.status().name().toLowerCase(Locale.ROOT)))
            .append("\"><time>").append(esc(time(outcome.at()))).append("</time> <strong>")
            .append(esc(outcome.plan().action().name())).append(" ").append(esc(outcome.status().name()))
            .append("</strong>: ").append(esc(outcome.detail()))
            .append(outcome.newRun().map(run -> " (new run " + esc(run.value()) + ")").orElse(""))
            .append("</li>");
      }
      b.append("</ol>");
    }
    return b.append("</section>").toString();
  }
}
