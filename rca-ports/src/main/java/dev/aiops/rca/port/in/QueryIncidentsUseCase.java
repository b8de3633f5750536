package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads incidents for people: lists and one incident with its history. */
public interface QueryIncidentsUseCase {

  /** Incidents matching the query, newest first. */
  List<Incident> list(IncidentQuery query);

  /** One page of the matching incidents, newest first, with how many match in all. */
  IncidentListing page(IncidentQuery query, long offset);

  /** Every matching incident counted by source, category and status; the query's limit is ignored. */
  IncidentCounts count(IncidentQuery filter);

  /** Runs filed within {@code [from, to)} under matching incidents, per UTC day and category. */
  List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to);

  /** One incident with its audit trail and remediations, or empty when there is no such incident. */
  Optional<IncidentDetails> details(IncidentId id);
}
