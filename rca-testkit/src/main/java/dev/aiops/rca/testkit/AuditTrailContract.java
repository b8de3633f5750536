package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} must do. Implement {@link #audit()} with a fresh, empty store, and
 * {@link #incidents()} with the incident repository of the same store, to file the incidents that entries name.
 */
public interface AuditTrailContract {

  AuditTrail audit();

  IncidentRepository incidents();

  @Test
  default void should_return_the_audit_trail_in_order_when_entries_are_appended() {
    AuditTrail audit = audit();
    RunKey run = RunKey.of(Source.DATABRICKS, "1");
    IncidentId id = incidents().file(Samples.draft("1", 'a', Samples.T0)).incident().id();
    audit.append(new AuditEntry(Samples.T0, run, Optional.empty(), "pipeline", AuditAction.RECEIVED, "in"));
    audit.append(new AuditEntry(Samples.T0.plusSeconds(1), run, Optional.of(id), "pipeline",
        AuditAction.INCIDENT_OPENED, "opened"));
    audit.append(new AuditEntry(Samples.T0.plusSeconds(2), run, Optional.of(id), "alice",
        AuditAction.REMEDIATION_APPROVED, "ok"));

    assertThat(audit.auditTrail(run)).extracting(AuditEntry::action)
        .containsExactly(AuditAction.RECEIVED, AuditAction.INCIDENT_OPENED, AuditAction.REMEDIATION_APPROVED);
    assertThat(audit.auditTrail(id)).extracting(AuditEntry::actor).containsExactly("pipeline", "alice");
    assertThat(audit.auditTrail(RunKey.of(Source.ADF, "1"))).isEmpty();
  }
}
