package dev.aiops.rca.core.query;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads incidents, with their audit trails and remediations, from the store. */
public final class QueryIncidentsService implements QueryIncidentsUseCase {

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;

  public QueryIncidentsService(IncidentRepository incidents, AuditTrail audit, RemediationLog remediationLog) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.remediationLog = Objects.requireNonNull(remediationLog, "remediationLog");
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    return incidents.list(query);
  }

  @Override
  public Optional<IncidentDetails> details(IncidentId id) {
    return incidents.find(id).map(incident -> new IncidentDetails(
        incident, audit.auditTrail(id), remediationLog.remediations(id)));
  }
}
