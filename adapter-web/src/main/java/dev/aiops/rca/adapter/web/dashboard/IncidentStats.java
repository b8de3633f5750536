package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts over every incident matching a filter, and failed runs per UTC day and category over the last
 * {@value #DAYS} days, both counted by the store, so that they stay true however many incidents there are.
 */
final class IncidentStats {

  static final int DAYS = 14;

  private final QueryIncidentsUseCase incidents;
  private final Clock clock;

  IncidentStats(QueryIncidentsUseCase incidents, Clock clock) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  JsonViews.Stats compute(IncidentQuery filter) {
    IncidentCounts counts = incidents.count(filter);
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      bySource.put(source.name(), counts.bySource().getOrDefault(source, 0L));
    }
    Map<String, Long> byCategory = new TreeMap<>();
    counts.byCategory().forEach((category, n) -> byCategory.put(category.name(), n));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (IncidentStatus status : IncidentStatus.values()) {
      byStatus.put(status.name(), counts.byStatus().getOrDefault(status, 0L));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<Category, List<Long>> perDay = new TreeMap<>();
    for (DailyFailures day : incidents.failuresPerDay(filter, from, to)) {
      perDay.computeIfAbsent(day.category(), c -> new ArrayList<>(Collections.nCopies(DAYS, 0L)))
          .set((int) (day.day().toEpochDay() - first.toEpochDay()), day.runs());
    }
    List<String> days = new ArrayList<>();
    for (int i = 0; i < DAYS; i++) {
      days.add(first.plusDays(i).toString());
    }
    Map<String, List<Long>> series = new LinkedHashMap<>();
    perDay.forEach((category, values) -> series.put(category.name(), values));
    return new JsonViews.Stats(counts.total(), bySource, byCategory, byStatus, days, series);
  }
}
