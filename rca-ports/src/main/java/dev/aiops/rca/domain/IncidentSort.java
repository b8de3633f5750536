package dev.aiops.rca.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * The order of an incident list: by one key, ties broken by id in the same direction, so that every page of a
 * listing is stable however many incidents share a value.
 *
 * @param key what to order by
 * @param descending largest (newest, most frequent) first
 */
public record IncidentSort(IncidentSortKey key, boolean descending) {

  /** Newest first: the order of every list unless someone asks for another. */
  public static final IncidentSort NEWEST = new IncidentSort(IncidentSortKey.LAST_SEEN, true);

  public IncidentSort {
    Objects.requireNonNull(key, "key");
  }

  /** The order as a comparator, for stores that sort in memory. */
  public Comparator<Incident> comparator() {
    Comparator<Incident> byKey = switch (key) {
      case LAST_SEEN -> Comparator.comparing(Incident::lastSeen);
      case FIRST_SEEN -> Comparator.comparing(Incident::firstSeen);
      case OCCURRENCES -> Comparator.comparingInt(Incident::occurrences);
    };
    Comparator<Incident> ascending = byKey.thenComparingLong(i -> i.id().value());
    return descending ? ascending.reversed() : ascending;
  }
}
