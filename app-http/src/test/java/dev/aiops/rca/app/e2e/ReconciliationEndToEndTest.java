package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.core.intake.ReconcileService;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation sweep through the real service: a failed run that only the workspace's runs/list knows becomes
 * an incident with a ticket, and a run that both a webhook and the sweep bring is handled once, whichever is first.
 */
class ReconciliationEndToEndTest {

  private static final String RUN = "455644833";
  private static final RunKey KEY = RunKey.of(Source.DATABRICKS, RUN);

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub()
      .run(RUN, fixture("runs-get-multitask-failed.json"))
      .output("455644902", fixture("runs-get-output-notebook-table-not-found.json"))
      .runList(DatabricksStub.failedRunList(RUN, Instant.now().minus(Duration.ofMinutes(2))));
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
  }

  private E2eService start(String interval) {
    service = E2eService.start(data, Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000",
        "RCA_RECONCILE_INTERVAL", interval));
    return service;
  }

  @Test
  void should_file_an_incident_and_a_ticket_from_the_sweep_when_the_webhook_never_came() {
    start("1s");

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20)).get(0);
    service.awaitSettled(Duration.ofSeconds(20));

    assertThat(incident.firstRun()).isEqualTo(KEY);
    assertThat(incident.analysis().failedTask()).isEqualTo("transform");
    assertThat(service.wiring().audit().auditTrail(KEY)).extracting(AuditEntry::action)
        .containsSubsequence(AuditAction.FOUND_BY_SWEEP, AuditAction.RECEIVED, AuditAction.INCIDENT_OPENED,
            AuditAction.TICKET_CREATED);
    assertThat(service.wiring().inbox().find("sweep:" + KEY)).isPresent();
    assertThat(databricks.seen("/api/2.2/jobs/runs/list").get(0).query()).containsEntry("completed_only", "true");
    assertThat(service.wiring().metrics().scrape())
        .contains("rca_reconcile_runs_unannounced_total{source=\"databricks\"} 1.0");
  }

  @Test
  void should_handle_a_run_once_when_its_webhook_came_before_the_sweep() {
    start("1h");
    assertThat(service.post("/webhooks/databricks", fixture("webhook-job-failure.json")).body()).contains("accepted");
    service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), Duration.ofSeconds(20));

    List<ReconcileService.Swept> swept = sweepNow();

    assertThat(swept).singleElement().satisfies(one -> {
      assertThat(one.found()).isEqualTo(1);
      assertThat(one.unannounced()).isZero();
    });
    service.awaitSettled(Duration.ofSeconds(20));
    assertHandledOnce();
    assertThat(service.wiring().inbox().find("sweep:" + KEY)).map(DeliveryEntry::status)
        .contains(DeliveryStatus.DUPLICATE);
    assertThat(service.wiring().audit().auditTrail(KEY)).extracting(AuditEntry::action)
        .doesNotContain(AuditAction.FOUND_BY_SWEEP);
  }

  @Test
  void should_handle_a_run_once_when_the_sweep_found_it_before_its_webhook_came() {
    start("1h");

    assertThat(sweepNow()).singleElement().satisfies(one -> assertThat(one.unannounced()).isEqualTo(1));
    assertThat(service.post("/webhooks/databricks", fixture("webhook-job-failure.json")).body())
        .contains("duplicate");
    service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(), Duration.ofSeconds(20));
    service.awaitSettled(Duration.ofSeconds(20));

    assertHandledOnce();
  }

  /** Sweeps now, as the scheduled round would, under a lease of this test's own. */
  private List<ReconcileService.Swept> sweepNow() {
    return service.wiring().reconcile().orElseThrow().sweep("test", Duration.ofSeconds(1)).orElseThrow();
  }

  private void assertHandledOnce() {
    assertThat(service.incidents()).singleElement().satisfies(incident -> {
      assertThat(incident.occurrences()).isEqualTo(1);
      assertThat(incident.ticket()).isPresent();
    });
    assertThat(service.wiring().audit().auditTrail(KEY)).extracting(AuditEntry::action)
        .containsOnlyOnce(AuditAction.INCIDENT_OPENED, AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
  }
}
