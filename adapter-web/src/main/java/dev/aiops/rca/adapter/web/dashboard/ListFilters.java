package dev.aiops.rca.adapter.web.dashboard;

import static dev.aiops.rca.adapter.web.dashboard.Html.esc;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.hidden;
import static dev.aiops.rca.adapter.web.dashboard.PageLayout.select;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Source;
import java.util.Locale;

/**
 * The list's filter form: a GET form, so that every filtered list is a link that can be bookmarked and shared. It
 * keeps the order chosen in the headers and starts again at the first page.
 */
final class ListFilters {

  private ListFilters() {}

  static String form(IncidentQuery filter) {
    StringBuilder b = new StringBuilder("<form method=\"get\" action=\"/incidents\" class=\"filters\" id=\"filters\""
        + " role=\"search\">");
    b.append("<label>Search <input type=\"search\" name=\"q\" id=\"filter-q\" maxlength=\"")
        .append(IncidentQuery.MAX_TEXT).append("\" placeholder=\"job, root cause or summary\" value=\"")
        .append(esc(filter.text().orElse(""))).append("\"></label>")
        .append(select("source", "Source", Source.values(), filter.source().map(Enum::name)))
        .append(select("category", "Category", Category.values(), filter.category().map(Enum::name)))
        .append(select("status", "Status", IncidentStatus.values(), filter.status().map(Enum::name)))
        .append("<label>Job <input name=\"job\" id=\"filter-job\" value=\"")
        .append(esc(filter.jobName().orElse(""))).append("\"></label>")
        .append("<label>Last seen from <input type=\"datetime-local\" step=\"1\" name=\"from\" id=\"filter-from\""
            + " value=\"").append(esc(filter.from().map(ListTimes::field).orElse(""))).append("\"></label>")
        .append("<label>to <input type=\"datetime-local\" step=\"1\" name=\"to\" id=\"filter-to\" value=\"")
        .append(esc(filter.to().map(ListTimes::field).orElse(""))).append("\"> <small>UTC</small></label>");
    if (!filter.sort().equals(IncidentSort.NEWEST)) {
      b.append(hidden("sort", filter.sort().key().name().toLowerCase(Locale.ROOT)))
          .append(hidden("dir", filter.sort().descending() ? "desc" : "asc"));
    }
    return b.append("<button type=\"submit\" id=\"filter-submit\">Filter</button>")
        .append(" <a href=\"/incidents\" id=\"filter-clear\">Clear</a></form>").toString();
  }
}
