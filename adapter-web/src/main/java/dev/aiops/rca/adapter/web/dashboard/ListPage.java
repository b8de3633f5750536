package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.counts;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.document;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.time;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSortKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The incident list: search and filters, counts, the failures chart, one page of incidents with links to each
 * run page and ticket, sortable headers and page links. list.js keeps the page live.
 */
final class ListPage {

  /** Incidents per page. */
  static final int PAGE_SIZE = 100;

  private final Optional<String> chartScript;

  /** @param chartScript where chart.js is served; without it the chart stays empty */
  ListPage(Optional<String> chartScript) {
    this.chartScript = chartScript;
  }

  /**
   * @param listing the page to show, of {@link #PAGE_SIZE} incidents at most
   * @param page its number, 1 for the first
   */
  String render(Session session, IncidentQuery filter, IncidentListing listing, int page, JsonViews.Stats stats) {
    ListLinks links = new ListLinks(filter);
    StringBuilder body = new StringBuilder();
    body.append("<main><div class=\"title\"><h1>Incidents</h1>")
        .append("<span id=\"live-status\" class=\"live-status\" data-state=\"connecting\">connecting</span></div>");
    body.append(ListFilters.form(filter));
    body.append("<section class=\"overview\"><div class=\"counts\"><h2>By category</h2>")
        .append(counts("counts-category", stats.byCategory()))
        .append("<h2>By source</h2>").append(counts("counts-source", stats.bySource())).append("</div>")
        .append("<figure class=\"chart\"><figcaption>Failed runs per day, by category (last ")
        .append(IncidentStats.DAYS).append(" days, UTC)</figcaption>")
        .append("<canvas id=\"failures-chart\" width=\"640\" height=\"240\" role=\"img\""
            + " aria-label=\"failed runs per day by category\"></canvas></figure></section>");
    body.append(pager(listing, page, links));
    body.append("<table class=\"incidents\" id=\"incidents\"><thead><tr><th>#</th>")
        .append(sortable("Last seen", IncidentSortKey.LAST_SEEN, links))
        .append(sortable("First seen", IncidentSortKey.FIRST_SEEN, links))
        .append("<th>Source</th><th>Job</th><th>Category</th><th>Status</th><th>Priority</th>")
        .append(sortable("Runs", IncidentSortKey.OCCURRENCES, links))
        .append("<th>Root cause</th><th>Links</th></tr></thead><tbody id=\"incident-rows\">");
    for (Incident incident : listing.items()) {
      body.append(row(incident));
    }
    body.append("</tbody></table>");
    body.append("<p id=\"empty\" class=\"empty\"").append(listing.items().isEmpty() ? "" : " hidden")
        .append(">No incidents match.</p></main>");
    return document("Incidents", "list", Optional.of(session), body.toString(),
        chartScript.map(chart -> List.of(chart, "/assets/list.js")).orElse(List.of("/assets/list.js")));
  }

  private static String sortable(String label, IncidentSortKey key, ListLinks links) {
    String state = links.ariaSort(key);
    String arrow = state.equals("descending") ? " &darr;" : state.equals("ascending") ? " &uarr;" : "";
    return "<th aria-sort=\"" + state + "\"><a class=\"sort\" id=\"sort-" + key.name().toLowerCase(Locale.ROOT)
        .replace('_', '-') + "\" href=\"" + esc(links.sortedBy(key)) + "\">" + esc(label) + arrow + "</a></th>";
  }

  /** "Showing 101–200 of 2,345" with links to the pages before and after. */
  static String pager(IncidentListing listing, int page, ListLinks links) {
    long pages = Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    StringBuilder b = new StringBuilder("<nav class=\"pager\" id=\"pager\" aria-label=\"pages\"><span id=\"shown\">");
    if (listing.items().isEmpty()) {
      b.append("Showing 0 of ").append(number(listing.total()));
    } else {
      b.append("Showing ").append(number(listing.offset() + 1)).append("&ndash;")
          .append(number(listing.offset() + listing.items().size())).append(" of ").append(number(listing.total()));
    }
    b.append("</span>");
    if (page > 1) {
      b.append(" <a id=\"page-first\" href=\"").append(esc(links.page(1))).append("\">First</a>")
          .append(" <a id=\"page-prev\" rel=\"prev\" href=\"").append(esc(links.page((int) Math.min(page - 1, pages))))
          .append("\">Previous</a>");
    }
    b.append(" <span id=\"page-number\">page ").append(number(page)).append(" of ").append(number(pages))
        .append("</span>");
    if (listing.hasMore()) {
      b.append(" <a id=\"page-next\" rel=\"next\" href=\"").append(esc(links.page(page + 1))).append("\">Next</a>")
          .append(" <a id=\"page-last\" href=\"").append(esc(links.page((int) pages))).append("\">Last</a>");
    }
    return b.append("</nav>").toString();
  }

  private static String number(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  private static String row(Incident incident) {
    long id = incident.id().value();
    return "<tr id=\"incident-" + id + "\" data-id=\"" + id + "\"><td><a href=\"/incidents/" + id + "\">#" + id
        + "</a></td><td>" + esc(time(incident.lastSeen())) + "</td><td>" + esc(time(incident.firstSeen()))
        + "</td><td>" + esc(incident.source().name()) + "</td><td>" + esc(incident.jobName()) + "</td><td>"
        + esc(incident.analysis().category().name()) + "</td><td>" + esc(incident.status().name())
        + "</td><td class=\"priority\">" + esc(incident.assignment().priority().name()) + "</td><td>"
        + incident.occurrences() + "</td><td class=\"cause\">"
        + esc(Redaction.apply(incident.analysis().rootCauseLine())) + "</td><td class=\"links\">"
        + runPageLink(incident) + " " + ticketLink(incident) + "</td></tr>";
  }

  static String runPageLink(Incident incident) {
    return incident.runPageUrl().flatMap(Html::safeHref)
        .map(url -> "<a class=\"run-page\" href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
            + esc(RunPages.label(incident.source())) + "</a>")
        .orElse("");
  }

  static String ticketLink(Incident incident) {
    return incident.ticket().map(t -> Html.safeHref(t.url())
            .map(url -> "<a class=\"ticket\" href=\"" + esc(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + esc(t.key()) + "</a>")
            .orElse("<span class=\"ticket\">" + esc(t.key()) + "</span>"))
        .orElse("");
  }
}
