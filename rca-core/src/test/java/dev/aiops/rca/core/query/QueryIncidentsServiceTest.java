package dev.aiops.rca.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RunKey;
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

  @Test
  void should_include_the_steps_its_runs_went_through_before_they_were_filed_in_the_order_they_were_written() {
    InMemoryIncidentRepository store = new InMemoryIncidentRepository();
    Incident incident = store.file(Samples.draft("1", 'a', Samples.T0)).incident();
    RunKey first = incident.firstRun();
    RunKey again = RunKey.of(first.source(), "2");
    RunKey other = RunKey.of(first.source(), "3");
    store.append(entry(first, Optional.empty(), AuditAction.RECEIVED, 0));
    store.append(entry(first, Optional.empty(), AuditAction.FETCHED, 0));
    store.append(entry(first, Optional.empty(), AuditAction.ANALYZED, 0));
    store.append(entry(first, Optional.of(incident.id()), AuditAction.INCIDENT_OPENED, 0));
    store.append(entry(other, Optional.empty(), AuditAction.RECEIVED, 1));
    store.append(entry(again, Optional.empty(), AuditAction.RECEIVED, 2));
    store.append(entry(again, Optional.of(incident.id()), AuditAction.OCCURRENCE_ADDED, 2));
    store.append(entry(again, Optional.of(new IncidentId(99)), AuditAction.TICKET_CREATED, 2));

    IncidentDetails details = new QueryIncidentsService(store, store, store).details(incident.id()).orElseThrow();

    assertThat(details.auditTrail()).extracting(AuditEntry::run, AuditEntry::action).containsExactly(
        tuple(first, AuditAction.RECEIVED), tuple(first, AuditAction.FETCHED), tuple(first, AuditAction.ANALYZED),
        tuple(first, AuditAction.INCIDENT_OPENED), tuple(again, AuditAction.RECEIVED),
        tuple(again, AuditAction.OCCURRENCE_ADDED));
  }

  private static AuditEntry entry(RunKey run, Optional<IncidentId> incident, AuditAction action, int second) {
    return new AuditEntry(Samples.T0.plusSeconds(second), run, incident, "pipeline", action, action.name());
  }
}
