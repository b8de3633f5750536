package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import java.util.List;
import java.util.Optional;

/** Reads incidents for people: lists and one incident with its history. */
public interface QueryIncidentsUseCase {

  /** Incidents matching the query, newest first. */
  List<Incident> list(IncidentQuery query);

  /** One incident with its audit trail and remediations, or empty when there is no such incident. */
  Optional<IncidentDetails> details(IncidentId id);
}
