package dev.aiops.rca.core.query;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.out.IncidentRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads incidents from the repository. */
public final class QueryIncidentsService implements QueryIncidentsUseCase {

  private final IncidentRepository incidents;

  public QueryIncidentsService(IncidentRepository incidents) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    return incidents.list(query);
  }

  @Override
  public Optional<IncidentDetails> details(IncidentId id) {
    return incidents.find(id).map(incident -> new IncidentDetails(
        incident, incidents.auditTrail(id), incidents.remediations(id)));
  }
}
