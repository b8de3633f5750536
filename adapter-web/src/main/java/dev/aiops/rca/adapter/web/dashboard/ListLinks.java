package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentSortKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The list's own links, which keep its filter: the sortable column headers and the page links. Every parameter is
 * URL-encoded, and the link as a whole is escaped where it is written into an attribute.
 */
final class ListLinks {

  private final IncidentQuery filter;

  ListLinks(IncidentQuery filter) {
    this.filter = filter;
  }

  /** The list in the same order at page {@code page} (1 is the first). */
  String page(int page) {
    return link(filter.sort(), page);
  }

  /** The first page ordered by {@code key}: the other direction when already ordered by it, else largest first. */
  String sortedBy(IncidentSortKey key) {
    boolean descending = filter.sort().key() != key || !filter.sort().descending();
    return link(new IncidentSort(key, descending), 1);
  }

  /** How the column is sorted now, for {@code aria-sort}. */
  String ariaSort(IncidentSortKey key) {
    if (filter.sort().key() != key) {
      return "none";
    }
    return filter.sort().descending() ? "descending" : "ascending";
  }

  private String link(IncidentSort sort, int page) {
    StringJoiner query = new StringJoiner("&", "/incidents?", "").setEmptyValue("/incidents");
    filter.source().ifPresent(s -> add(query, "source", s.name()));
    filter.category().ifPresent(c -> add(query, "category", c.name()));
    filter.status().ifPresent(s -> add(query, "status", s.name()));
    filter.jobName().ifPresent(j -> add(query, "job", j));
    filter.text().ifPresent(t -> add(query, "q", t));
    filter.from().ifPresent(f -> add(query, "from", ListTimes.link(f)));
    filter.to().ifPresent(t -> add(query, "to", ListTimes.link(t)));
    if (!sort.equals(IncidentSort.NEWEST)) {
      add(query, "sort", sort.key().name().toLowerCase(Locale.ROOT));
      add(query, "dir", sort.descending() ? "desc" : "asc");
    }
    if (page > 1) {
      add(query, "page", Integer.toString(page));
    }
    return query.toString();
  }

  private static void add(StringJoiner query, String name, String value) {
    query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
