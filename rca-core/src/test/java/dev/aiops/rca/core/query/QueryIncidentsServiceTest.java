package dev.aiops.rca.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.Samples;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryIncidentsServiceTest {

  @Test
  void should_return_the_incident_with_its_audit_trail_when_it_exists() {
    InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
    Incident incident = incidents.file(Samples.draft("1", 'a', Samples.T0)).incident();
    incidents.append(new AuditEntry(Samples.T0, incident.firstRun(), Optional.of(incident.id()), "pipeline",
        AuditAction.INCIDENT_OPENED, "opened"));
    QueryIncidentsService service = new QueryIncidentsService(incidents, incidents, incidents);

    Optional<IncidentDetails> details = service.details(incident.id());

    assertThat(details).hasValueSatisfying(d -> assertThat(d.auditTrail()).hasSize(1));
    assertThat(service.details(new IncidentId(99))).isEmpty();
    assertThat(service.list(IncidentQuery.all(10))).containsExactly(incident);
  }
}
