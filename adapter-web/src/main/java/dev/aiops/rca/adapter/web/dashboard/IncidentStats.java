package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts over the newest 1000 incidents matching a filter, and failed runs per UTC day and category over the
 * last {@value #DAYS} days. A run's day comes from the audit trail (incident opened or occurrence added); only
 * incidents that recurred need their trail read, since the others failed once, on their first day.
 */
final class IncidentStats {

  static final int DAYS = 14;
  private static final int LIMIT = 1000;

  private final QueryIncidentsUseCase incidents;
  private final Clock clock;

  IncidentStats(QueryIncidentsUseCase incidents, Clock clock) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  JsonViews.Stats compute(IncidentQuery filter) {
    IncidentQuery query = new IncidentQuery(filter.source(), filter.category(), filter.status(), filter.jobName(),
        LIMIT);
    List<Incident> list = incidents.list(query);
    Map<String, Integer> bySource = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      bySource.put(source.name(), 0);
    }
    Map<String, Integer> byCategory = new TreeMap<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    Instant windowStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<Category, int[]> perDay = new TreeMap<>();
    for (Incident incident : list) {
      bySource.merge(incident.source().name(), 1, Integer::sum);
      byCategory.merge(incident.analysis().category().name(), 1, Integer::sum);
      if (incident.lastSeen().isBefore(windowStart)) {
        continue;
      }
      for (Instant failedAt : failureTimes(incident)) {
        LocalDate day = LocalDate.ofInstant(failedAt, ZoneOffset.UTC);
        if (!day.isBefore(first) && !day.isAfter(today)) {
          perDay.computeIfAbsent(incident.analysis().category(), c -> new int[DAYS])
              [(int) (day.toEpochDay() - first.toEpochDay())]++;
        }
      }
    }
    List<String> days = new ArrayList<>();
    for (int i = 0; i < DAYS; i++) {
      days.add(first.plusDays(i).toString());
    }
    Map<String, List<Integer>> series = new LinkedHashMap<>();
    perDay.forEach((category, counts) -> {
      List<Integer> values = new ArrayList<>();
      for (int count : counts) {
        values.add(count);
      }
      series.put(category.name(), values);
    });
    return new JsonViews.Stats(list.size(), bySource, byCategory, days, series);
  }

  private List<Instant> failureTimes(Incident incident) {
    if (incident.occurrences() == 1) {
      return List.of(incident.firstSeen());
    }
    List<Instant> times = new ArrayList<>();
    for (AuditEntry entry : incidents.details(incident.id()).map(IncidentDetails::auditTrail).orElse(List.of())) {
      if (entry.action() == AuditAction.INCIDENT_OPENED || entry.action() == AuditAction.OCCURRENCE_ADDED) {
        times.add(entry.at());
      }
    }
    return times.isEmpty() ? List.of(incident.firstSeen(), incident.lastSeen()) : times;
  }
}
