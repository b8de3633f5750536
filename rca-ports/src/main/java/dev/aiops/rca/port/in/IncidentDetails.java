package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationOutcome;
import java.util.List;
import java.util.Objects;

/** An incident with its audit trail and remediation history, oldest first. */
public record IncidentDetails(Incident incident, List<AuditEntry> auditTrail, List<RemediationOutcome> remediations) {
  public IncidentDetails {
    Objects.requireNonNull(incident, "incident");
    auditTrail = List.copyOf(auditTrail);
    remediations = List.copyOf(remediations);
  }
}
