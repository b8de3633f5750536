package dev.aiops.rca.app.metrics;

import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.out.AuditTrail;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An audit trail that counts and logs each step as it is appended: the audit trail already names every step of the
 * pipeline and of remediation, so metering it here keeps core free of meters.
 */
public final class MeteredAuditTrail implements AuditTrail {

  /** The key the incident repository fills on filing, so that a step logged later names its incident too. */
  private static final String MDC_INCIDENT = MeteredIncidentRepository.MDC_INCIDENT;
  private static final Logger LOG = LoggerFactory.getLogger("dev.aiops.rca.steps");

  private final AuditTrail delegate;
  private final PipelineMeters metrics;

  public MeteredAuditTrail(AuditTrail delegate, PipelineMeters metrics) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void append(AuditEntry entry) {
    delegate.append(entry);
    metrics.step(entry.action());
    // One line per step, with the run and incident in the context (JSON logs carry them as fields).
    String previousRun = MDC.get("run");
    String previousIncident = MDC.get(MDC_INCIDENT);
    MDC.put("run", entry.run().toString());
    entry.incident().ifPresent(id -> MDC.put(MDC_INCIDENT, id.toString()));
    try {
      LOG.info("{} by {}: {}", entry.action(), entry.actor(), entry.detail());
    } finally {
      restore("run", previousRun);
      restore(MDC_INCIDENT, previousIncident);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  @Override
  public List<AuditEntry> auditTrail(IncidentId id) {
    return delegate.auditTrail(id);
  }

  @Override
  public List<AuditEntry> auditTrail(RunKey run) {
    return delegate.auditTrail(run);
  }
}
