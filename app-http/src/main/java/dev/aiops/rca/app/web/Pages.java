package dev.aiops.rca.app.web;

import static dev.aiops.rca.app.web.Html.esc;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.IncidentDetails;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server-rendered pages. Every value that is not a constant of this class goes through {@link Html#esc};
 * the pages carry no inline script or style, so the Content-Security-Policy can forbid both.
 */
final class Pages {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Optional<String> chartScript;
  private final Optional<String> slackWorkspaceUrl;

  Pages(Optional<String> chartScript, Optional<String> slackWorkspaceUrl) {
    this.chartScript = chartScript;
    this.slackWorkspaceUrl = slackWorkspaceUrl;
  }

  String login(String loginToken, String next, String error) {
    StringBuilder body = new StringBuilder();
    body.append("<main class=\"login\"><h1>RCA Assistant</h1>");
    if (!error.isEmpty()) {
      body.append("<p class=\"error\" role=\"alert\" id=\"login-error\">").append(esc(error)).append("</p>");
    }
    body.append("<form method=\"post\" action=\"/login\" class=\"login-form\">")
        .append(hidden("csrf", loginToken))
        .append(hidden("next", next))
        .append("<label for=\"username\">User</label>")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>")
        .append("<label for=\"password\">Password</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
            + " required>")
        .append("<button type=\"submit\" id=\"login-submit\">Log in</button></form></main>");
    return document("Log in", "login", Optional.empty(), body.toString(), List.of());
  }

  String incidentList(Session session, IncidentQuery filter, List<Incident> incidents, JsonViews.Stats stats) {
    StringBuilder body = new StringBuilder();
    body.append("<main><div class=\"title\"><h1>Incidents</h1>")
        .append("<span id=\"live-status\" class=\"live-status\" data-state=\"connecting\">connecting</span></div>");
    body.append("<form method=\"get\" action=\"/incidents\" class=\"filters\" id=\"filters\">")
        .append(select("source", "Source", Source.values(), filter.source().map(Enum::name)))
        .append(select("category", "Category", Category.values(), filter.category().map(Enum::name)))
        .append(select("status", "Status", IncidentStatus.values(), filter.status().map(Enum::name)))
        .append("<label>Job <input name=\"job\" value=\"").append(esc(filter.jobName().orElse("")))
        .append("\"></label><button type=\"submit\">Filter</button>")
        .append(" <a href=\"/incidents\">Clear</a></form>");
    body.append("<section class=\"overview\"><div class=\"counts\"><h2>By category</h2>")
        .append(counts("counts-category", stats.byCategory()))
        .append("<h2>By source</h2>").append(counts("counts-source", stats.bySource())).append("</div>")
        .append("<figure class=\"chart\"><figcaption>Failed runs per day, by category (last ")
        .append(IncidentStats.DAYS).append(" days, UTC)</figcaption>")
        .append("<canvas id=\"failures-chart\" width=\"640\" height=\"240\" role=\"img\""
            + " aria-label=\"failed runs per day by category\"></canvas></figure></section>");
    body.append("<table class=\"incidents\" id=\"incidents\"><thead><tr><th>#</th><th>Last seen</th>"
        + "<th>Source</th><th>Job</th><th>Category</th><th>Status</th><th>Runs</th><th>Root cause</th>"
        + "</tr></thead><tbody id=\"incident-rows\">");
    for (Incident incident : incidents) {
      body.append(row(incident));
    }
    body.append("</tbody></table>");
    body.append("<p id=\"empty\" class=\"empty\"").append(incidents.isEmpty() ? "" : " hidden")
        .append(">No incidents match.</p></main>");
    return document("Incidents", "list", Optional.of(session), body.toString(),
        chartScript.map(chart -> List.of(chart, "/assets/list.js")).orElse(List.of("/assets/list.js")));
  }

  private static String row(Incident incident) {
    long id = incident.id().value();
    return "<tr id=\"incident-" + id + "\" data-id=\"" + id + "\"><td><a href=\"/incidents/" + id + "\">#" + id
        + "</a></td><td>" + esc(time(incident.lastSeen())) + "</td><td>" + esc(incident.source().name())
        + "</td><td>" + esc(incident.jobName()) + "</td><td>" + esc(incident.analysis().category().name())
        + "</td><td>" + esc(incident.status().name()) + "</td><td>" + incident.occurrences()
        + "</td><td class=\"cause\">" + esc(Redaction.apply(incident.analysis().rootCauseLine())) + "</td></tr>";
  }

  String incident(Session session, IncidentDetails details, String flash) {
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
        .append(fact("Source", incident.source().name()))
        .append(fact("Category", analysis.category().name()))
        .append(fact("Failed task", analysis.failedTask().isEmpty() ? "unknown" : analysis.failedTask()))
        .append(fact("First run", incident.firstRun().toString()))
        .append(fact("First seen", time(incident.firstSeen())))
        .append(fact("Last seen", time(incident.lastSeen())))
        .append(fact("Failed runs", Integer.toString(incident.occurrences())))
        .append(fact("Signature", incident.signature().shortHash()))
        .append(fact("Analysed by", analysis.analyzer() + String.format(java.util.Locale.ROOT,
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

    b.append("<section id=\"links\"><h2>Ticket and chat</h2><ul>");
    b.append("<li>Ticket: ").append(incident.ticket().map(t -> link(Html.safeHref(t.url()), t.system() + " " + t.key()))
        .orElse("none yet")).append("</li>");
    b.append("<li>Slack: ").append(incident.notification().map(n -> link(SlackLinks.messageUrl(slackWorkspaceUrl, n),
        "#" + n.channel() + " message " + n.messageId())).orElse("not notified")).append("</li>");
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
        b.append("<li class=\"outcome status-").append(esc(outcome.status().name().toLowerCase(java.util.Locale.ROOT)))
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

  private static String document(String title, String page, Optional<Session> session, String main,
      List<String> scripts) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" - RCA Assistant</title>")
        .append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head>")
        .append("<body data-page=\"").append(esc(page)).append("\">");
    session.ifPresent(s -> b.append("<header class=\"top\"><a class=\"brand\" href=\"/incidents\">RCA Assistant</a>")
        .append("<span class=\"who\" id=\"who\">").append(esc(s.user())).append(" (")
        .append(esc(s.role().name().toLowerCase(java.util.Locale.ROOT))).append(")</span>")
        .append("<form method=\"post\" action=\"/logout\" class=\"logout\">").append(hidden("csrf", s.csrfToken()))
        .append("<button type=\"submit\" id=\"logout\">Log out</button></form></header>"));
    b.append(main);
    for (String script : scripts) {
      b.append("<script src=\"").append(esc(script)).append("\"></script>");
    }
    return b.append("</body></html>").toString();
  }

  private static String select(String name, String label, Enum<?>[] values, Optional<String> selected) {
    StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(name)
        .append("\"><option value=\"\">any</option>");
    for (Enum<?> value : values) {
      b.append("<option").append(selected.filter(value.name()::equals).isPresent() ? " selected" : "")
          .append(">").append(esc(value.name())).append("</option>");
    }
    return b.append("</select></label>").toString();
  }

  private static String counts(String id, Map<String, Integer> counts) {
    StringBuilder b = new StringBuilder("<ul class=\"count-list\" id=\"").append(id).append("\">");
    counts.forEach((name, count) -> b.append("<li><span class=\"name\">").append(esc(name))
        .append("</span> <span class=\"count\">").append(count).append("</span></li>"));
    return b.append("</ul>").toString();
  }

  private static String fact(String name, String value) {
    return "<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>";
  }

  private static String list(String tag, List<String> items) {
    if (items.isEmpty()) {
      return "<p>none</p>";
    }
    StringBuilder b = new StringBuilder("<").append(tag).append(">");
    for (String item : items) {
      b.append("<li>").append(esc(Redaction.apply(item))).append("</li>");
    }
    return b.append("</").append(tag).append(">").toString();
  }

  private static String link(Optional<String> href, String text) {
    return href.map(url -> "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + esc(text)
        + "</a>").orElse(esc(text));
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
