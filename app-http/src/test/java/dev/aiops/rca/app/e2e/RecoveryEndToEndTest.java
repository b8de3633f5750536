package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure that recovers after its ticket was opened (people repaired the run, or a retry succeeded): the recovery
 * watch looks at the open incidents' runs again, notes the ticket once and resolves the incident per policy, which
 * closes its ticket.
 */
class RecoveryEndToEndTest {

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
    jira.close();
  }

  @Test
  void should_note_the_ticket_and_resolve_the_incident_when_its_run_recovers_after_the_ticket() {
    Incident incident = ticketedFailure(Map.of());

    databricks.run(RetriedRun.RUN, RetriedRun.succeeded());
    assertThat(service.wiring().recoveryWatch().round()).containsExactly(incident.id());

    Incident after = service.wiring().incidents().find(incident.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(IncidentStatus.RESOLVED);
    String key = incident.ticket().orElseThrow().key();
    assertThat(jira.issue(key).comments).anySatisfy(comment ->
        assertThat(comment.toString()).contains("recovered after this ticket was opened"));
    // Resolving closes the ticket: the Jira issue moved to its done status.
    assertThat(jira.issue(key).statusCategory).isEqualTo("done");
    assertThat(service.audit(incident)).filteredOn(entry -> entry.actor().equals(RecoveryWatchService.ACTOR))
        .extracting(AuditEntry::action).containsSubsequence(AuditAction.RECOVERED, AuditAction.INCIDENT_RESOLVED);
  }

  @Test
  void should_note_the_ticket_once_and_leave_the_incident_open_when_the_policy_keeps_it_for_people() {
    Incident incident = ticketedFailure(Map.of("RCA_RESOLVE_ON_RECOVERY", "false"));

    databricks.run(RetriedRun.RUN, RetriedRun.succeeded());
    service.wiring().recoveryWatch().round();
    service.wiring().recoveryWatch().round();

    assertThat(service.wiring().incidents().find(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.OPEN);
    assertThat(jira.issue(incident.ticket().orElseThrow().key()).statusCategory).isNotEqualTo("done");
    assertThat(jira.issue(incident.ticket().orElseThrow().key()).comments)
        .filteredOn(comment -> comment.toString().contains("recovered")).hasSize(1);
    assertThat(service.audit(incident)).extracting(AuditEntry::action).containsOnlyOnce(AuditAction.RECOVERED);
  }

  @Test
  void should_leave_an_incident_open_while_its_run_stays_failed() {
    Incident incident = ticketedFailure(Map.of());

    assertThat(service.wiring().recoveryWatch().round()).isEmpty();

    assertThat(service.wiring().incidents().find(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.OPEN);
  }

  @Test
  void should_look_again_on_its_own_every_interval() {
    Incident incident = ticketedFailure(Map.of("RCA_RECOVERY_INTERVAL", "1s"));

    databricks.run(RetriedRun.RUN, RetriedRun.succeeded());

    assertThat(service.awaitIncidents(list -> list.stream().anyMatch(i -> i.id().equals(incident.id())
        && i.status() == IncidentStatus.RESOLVED), Duration.ofSeconds(20))).isNotEmpty();
  }

  /** A job whose task failed, then failed again on its retry: an incident with its Jira ticket. */
  private Incident ticketedFailure(Map<String, String> more) {
    databricks.run(RetriedRun.RUN, RetriedRun.failedAgain())
        .output(RetriedRun.SECOND_ATTEMPT, fixture("runs-get-output-notebook-table-not-found.json"));
    Map<String, String> settings = new HashMap<>(Vendors.settings(Vendors.jira(jira), Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000")));
    settings.putAll(more);
    service = E2eService.start(data, settings);
    service.post("/webhooks/databricks", RetriedRun.WEBHOOK);
    List<Incident> incidents = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20));
    service.awaitSettled(Duration.ofSeconds(20));
    return incidents.get(0);
  }
}
