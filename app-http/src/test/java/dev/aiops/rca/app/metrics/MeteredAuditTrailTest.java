package dev.aiops.rca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.Samples;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MeteredAuditTrailTest {

  private final ServiceMetrics metrics = new ServiceMetrics();
  private final InMemoryIncidentRepository store = new InMemoryIncidentRepository();
  private final MeteredAuditTrail metered = new MeteredAuditTrail(store, new PipelineMeters(metrics.registry()));
  private final RunKey run = RunKey.of(Source.DATABRICKS, "1");

  @AfterEach
  void clearContext() {
    MDC.clear();
  }

  private void step(AuditAction action) {
    metered.append(new AuditEntry(Samples.T0, run, Optional.empty(), "pipeline", action, "detail"));
  }

  @Test
  void should_count_each_step_and_its_family_when_audit_entries_are_appended() {
    step(AuditAction.FETCHED);
    step(AuditAction.SOURCE_UNAVAILABLE);
    step(AuditAction.TICKET_CREATED);
    step(AuditAction.OCCURRENCE_ADDED);
    step(AuditAction.NOTIFICATION_FAILED);
    step(AuditAction.REMEDIATION_EXECUTED);
    step(AuditAction.DUPLICATE_DELIVERY);
    step(AuditAction.REMEDIATION_RUN_SUCCEEDED);
    step(AuditAction.INCIDENT_RESOLVED);

    String scrape = metrics.scrape();

    assertThat(store.auditTrail(run)).hasSize(9);
    assertThat(scrape).contains(
        "rca_pipeline_steps_total{action=\"fetched\"} 1.0",
        "rca_enrichment_total{result=\"fetched\"} 1.0",
        "rca_enrichment_total{result=\"degraded\"} 1.0",
        "rca_tickets_total{result=\"created\"} 1.0",
        "rca_tickets_total{result=\"deduplicated\"} 1.0",
        "rca_incidents_total{result=\"recurred\"} 1.0",
        "rca_notifications_total{result=\"failed\"} 1.0",
        "rca_remediations_total{outcome=\"executed\"} 1.0",
        "rca_remediations_total{outcome=\"run_succeeded\"} 1.0",
        "rca_incidents_total{result=\"resolved\"} 1.0",
        "rca_duplicate_deliveries_total{stage=\"pipeline\"} 1.0");
  }
}
