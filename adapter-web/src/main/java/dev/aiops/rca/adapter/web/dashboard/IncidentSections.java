package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.fact;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.link;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.list;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.time;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** The sections of the incident page that only show facts; {@link IncidentPage} puts them in order. */
final class IncidentSections {

  private IncidentSections() {}

  /**
   * What the person on call needs before reading on: priority, owner, runbook, and the links to the run page, the
   * ticket and the chat message.
   */
  static String onCall(Incident incident, Optional<String> slackWorkspaceUrl) {
    Assignment assignment = incident.assignment();
    return "<section id=\"on-call\" class=\"on-call\"><h2>On call</h2><dl class=\"on-call-facts\">"
        + "<dt>Priority</dt><dd id=\"priority\" class=\"priority-" + esc(assignment.priority().name()
            .toLowerCase(Locale.ROOT)) + "\">" + esc(assignment.priority().name()) + "</dd>"
        + "<dt>Owner</dt><dd id=\"owner\">" + esc(assignment.owner().orElse("none")) + "</dd>"
        + "<dt>Runbook</dt><dd id=\"runbook\">" + assignment.runbookUrl().flatMap(Html::safeHref)
            .map(url -> anchor("runbook-link", url, "Runbook")).orElse("none") + "</dd>"
        + "<dt>Run page</dt><dd id=\"run-page\">" + incident.runPageUrl().flatMap(Html::safeHref)
            .map(url -> anchor("run-page-link", url, RunPages.label(incident.source()) + " " + incident.firstRun()
                .runId())).orElse("not known") + "</dd>"
        + "<dt>Ticket</dt><dd id=\"ticket\">" + incident.ticket().map(t -> Html.safeHref(t.url())
            .map(url -> anchor("ticket-link", url, t.system() + " " + t.key()))
            .orElse(esc(t.system() + " " + t.key()))).orElse("none yet") + "</dd>"
        + "<dt>Slack</dt><dd id=\"slack\">" + incident.notification().map(n -> link(
            SlackLinks.messageUrl(slackWorkspaceUrl, n), "#" + n.channel() + " message " + n.messageId()))
            .orElse("not notified") + "</dd>"
        + "<dt>Route</dt><dd id=\"route\">" + esc(assignment.route()) + "</dd>"
        + "</dl></section>";
  }

  private static String anchor(String id, String url, String text) {
    return "<a id=\"" + id + "\" href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
        + esc(text) + "</a>";
  }

  static String rootCause(RootCauseAnalysis analysis) {
    return "<section id=\"root-cause\"><h2>Root cause</h2><pre class=\"root-cause-line\" id=\"root-cause-line\">"
        + esc(Redaction.apply(analysis.rootCauseLine().isEmpty()
            ? "no single line states the cause" : analysis.rootCauseLine()))
        + "</pre><p class=\"summary\" id=\"rca\">" + esc(Redaction.apply(analysis.summary())) + "</p></section>";
  }

  static String evidence(RootCauseAnalysis analysis) {
    StringBuilder b = new StringBuilder("<section id=\"evidence\"><h2>Evidence <small>(credentials masked)</small>"
        + "</h2>");
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
    return b.append("</section>").toString();
  }

  static String actions(RootCauseAnalysis analysis) {
    return "<section id=\"actions\"><h2>Recommended actions</h2>" + list("ol", analysis.recommendedActions())
        + "</section>";
  }

  static String impact(Incident incident) {
    return "<section id=\"impact\"><h2>Impacted tasks <small>(held back by this failure)</small></h2>"
        + list("ul", incident.impact()) + "</section>";
  }

  static String costTags(Incident incident) {
    StringBuilder b = new StringBuilder("<section id=\"cost-tags\"><h2>Cost tags</h2>");
    if (incident.costTags().isEmpty()) {
      b.append("<p>none</p>");
    } else {
      b.append("<dl class=\"cost-tags\">");
      new TreeMap<>(incident.costTags()).forEach((key, value) -> b.append("<dt>").append(esc(key))
          .append("</dt><dd>").append(esc(value)).append("</dd>"));
      b.append("</dl>");
    }
    return b.append("</section>").toString();
  }

  static String facts(Incident incident) {
    RootCauseAnalysis analysis = incident.analysis();
    return "<section id=\"details\"><h2>Details</h2><dl class=\"facts\">"
        + fact("Status", incident.status().name())
        + fact("Source", incident.source().name())
        + fact("Category", analysis.category().name())
        + fact("Failed task", analysis.failedTask().isEmpty() ? "unknown" : analysis.failedTask())
        + fact("First run", incident.firstRun().toString())
        + fact("First seen", time(incident.firstSeen()))
        + fact("Last seen", time(incident.lastSeen()))
        + fact("Failed runs", Integer.toString(incident.occurrences()))
        + fact("Signature", incident.signature().shortHash())
        + fact("Analysed by", analysis.analyzer() + String.format(Locale.ROOT, " (confidence %.2f)",
            analysis.confidence()))
        + fact("Classified by", Redaction.apply(analysis.classification().describe()))
        + fact("Caveats", analysis.flags().isEmpty() ? "none" : analysis.flags().toString())
        + "</dl></section>";
  }

  static String failedRuns(List<AuditEntry> trail) {
    StringBuilder b = new StringBuilder("<section id=\"occurrences\"><h2>Failed runs</h2><ul>");
    for (AuditEntry entry : trail) {
      if (entry.action() == AuditAction.INCIDENT_OPENED || entry.action() == AuditAction.OCCURRENCE_ADDED) {
        b.append("<li><time>").append(esc(time(entry.at()))).append("</time> <code>")
            .append(esc(entry.run().toString())).append("</code></li>");
      }
    }
    return b.append("</ul></section>").toString();
  }

  static String audit(List<AuditEntry> trail) {
    StringBuilder b = new StringBuilder("<section id=\"audit\"><h2>Audit trail</h2><ol class=\"timeline\">");
    for (AuditEntry entry : trail) {
      b.append("<li><time>").append(esc(time(entry.at()))).append("</time> <span class=\"action\">")
          .append(esc(entry.action().name())).append("</span> <span class=\"actor\">by ")
          .append(esc(entry.actor())).append("</span><p>").append(esc(Redaction.apply(entry.detail())))
          .append("</p></li>");
    }
    return b.append("</ol></section>").toString();
  }
}
