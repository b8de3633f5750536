package dev.aiops.rca.domain;

import java.util.Map;
import java.util.Objects;

/**
 * How many incidents match a filter, counted by the store over all of them.
 *
 * @param total every matching incident
 * @param bySource matching incidents per source of their first run; sources without any are left out
 * @param byCategory matching incidents per category; categories without any are left out
 * @param byStatus matching incidents per status; statuses without any are left out
 */
public record IncidentCounts(long total, Map<Source, Long> bySource, Map<Category, Long> byCategory,
    Map<IncidentStatus, Long> byStatus) {
  public IncidentCounts {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative, was " + total);
    }
    bySource = Map.copyOf(Objects.requireNonNull(bySource, "bySource"));
    byCategory = Map.copyOf(Objects.requireNonNull(byCategory, "byCategory"));
    byStatus = Map.copyOf(Objects.requireNonNull(byStatus, "byStatus"));
  }
}
