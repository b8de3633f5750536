package dev.aiops.rca.app.metrics;

import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An incident store that counts and logs each audit-trail step as it is appended: the audit trail already names
 * every step of the pipeline and of remediation, so metering it here keeps core free of meters. Filing an incident
 * counts its analysis and puts the incident id in the logging context of the thread.
 */
public final class MeteredIncidentRepository implements IncidentRepository {

  /** The logging-context key of the incident being handled. */
  public static final String MDC_INCIDENT = "incident";

  private static final Logger LOG = LoggerFactory.getLogger("dev.aiops.rca.steps");

  private final IncidentRepository delegate;
  private final PipelineMeters metrics;

  public MeteredIncidentRepository(IncidentRepository delegate, PipelineMeters metrics) {
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

  @Override
  public Filing file(IncidentDraft draft) {
    Filing filing = delegate.file(draft);
    metrics.analysis(draft.analysis());
    MDC.put(MDC_INCIDENT, filing.incident().id().toString());
    return filing;
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, previous);
    }
  }

  @Override
  public RunClaim claim(RunKey run, String claimant, Instant at) {
    return delegate.claim(run, claimant, at);
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    return delegate.find(id);
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    return delegate.list(query);
  }

  @Override
  public Incident attachTicket(IncidentId id, TicketRef ticket) {
    return delegate.attachTicket(id, ticket);
  }

  @Override
  public Incident attachNotification(IncidentId id, NotificationRef notification) {
    return delegate.attachNotification(id, notification);
  }

  @Override
  public Incident changeStatus(IncidentId id, IncidentStatus status) {
    return delegate.changeStatus(id, status);
  }

  @Override
  public List<AuditEntry> auditTrail(IncidentId id) {
    return delegate.auditTrail(id);
  }

  @Override
  public List<AuditEntry> auditTrail(RunKey run) {
    return delegate.auditTrail(run);
  }

  @Override
  public boolean record(RemediationOutcome outcome) {
    return delegate.record(outcome);
  }

  @Override
  public List<RemediationOutcome> remediations(IncidentId id) {
    return delegate.remediations(id);
  }

  @Override
  public List<RemediationOutcome> unfinishedRemediations(int limit) {
    return delegate.unfinishedRemediations(limit);
  }
}
