package dev.aiops.rca.domain;

import java.util.List;
import java.util.Objects;

/**
 * One page of the incidents matching a query, newest first, with how many match in all.
 *
 * @param items the incidents of the page, at most the query's limit
 * @param offset how many matching incidents come before the page
 * @param total how many incidents match the query, on every page
 */
public record IncidentListing(List<Incident> items, long offset, long total) {
  public IncidentListing {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative, was " + total);
    }
  }

  /** Whether matching incidents come after this page. */
  public boolean hasMore() {
    return offset + items.size() < total;
  }
}
