package dev.aiops.rca.app.metrics;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * An incident repository that counts the analysis of each incident it files and puts the incident id in the logging
 * context of the thread; the steps themselves are counted by {@link MeteredAuditTrail}.
 */
public final class MeteredIncidentRepository implements IncidentRepository {

  /** The logging-context key of the incident being handled. */
  public static final String MDC_INCIDENT = "incident";

  private final IncidentRepository delegate;
  private final PipelineMeters metrics;

  public MeteredIncidentRepository(IncidentRepository delegate, PipelineMeters metrics) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public Filing file(IncidentDraft draft) {
    Filing filing = delegate.file(draft);
    metrics.analysis(draft.analysis());
    MDC.put(MDC_INCIDENT, filing.incident().id().toString());
    return filing;
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
  public IncidentListing page(IncidentQuery query, long offset) {
    return delegate.page(query, offset);
  }

  @Override
  public IncidentCounts count(IncidentQuery filter) {
    return delegate.count(filter);
  }

  @Override
  public List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to) {
    return delegate.failuresPerDay(filter, from, to);
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
  public Incident assign(IncidentId id, Assignment assignment) {
    return delegate.assign(id, assignment);
  }
}
