package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.counts;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.select;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.time;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Source;
import java.util.List;
import java.util.Optional;

/** The incident list: filters, counts, the failures chart and one row per incident, which list.js keeps live. */
final class ListPage {

  private final Optional<String> chartScript;

  /** @param chartScript where chart.js is served; without it the chart stays empty */
  ListPage(Optional<String> chartScript) {
    this.chartScript = chartScript;
  }

  String render(Session session, IncidentQuery filter, List<Incident> incidents, JsonViews.Stats stats) {
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
    if (incidents.size() < stats.incidents()) {
      body.append("<p id=\"shown\" class=\"shown\">The newest ").append(incidents.size()).append(" of ")
          .append(stats.incidents()).append(" matching incidents; the API pages through all of them.</p>");
    }
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
}
