package dev.aiops.rca.core.query;

import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.in.IncidentDetails;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads incidents, with their audit trails and remediations, from the store. */
public final class QueryIncidentsService implements QueryIncidentsUseCase {

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;

  public QueryIncidentsService(IncidentRepository incidents, AuditTrail audit, RemediationLog remediationLog) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.remediationLog = Objects.requireNonNull(remediationLog, "remediationLog");
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    return incidents.list(query);
  }

  @Override
  public IncidentListing page(IncidentQuery query, long offset) {
    return incidents.page(query, offset);
  }

  @Override
  public IncidentCounts count(IncidentQuery filter) {
    return incidents.count(filter);
  }

  @Override
  public List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to, was " + from + " and " + to);
    }
    return incidents.failuresPerDay(filter, from, to);
  }

  @Override
  public Optional<IncidentDetails> details(IncidentId id) {
    return incidents.find(id).map(incident -> new IncidentDetails(
        incident, trail(id), remediationLog.remediations(id)));
  }

  /**
   * The incident's whole trail, oldest first: its own entries, and the steps its runs went through before they were
   * filed under it (received, fetched, analysed), which name the run but no incident yet.
   */
  private List<AuditEntry> trail(IncidentId id) {
    List<AuditEntry> own = audit.auditTrail(id);
    Set<RunKey> runs = own.stream().map(AuditEntry::run).collect(Collectors.toCollection(LinkedHashSet::new));
    // Each run's trail is read whole, so that its steps keep the order they were written in.
    List<AuditEntry> trail = new ArrayList<>();
    runs.forEach(run -> audit.auditTrail(run).stream()
        .filter(entry -> entry.incident().map(id::equals).orElse(true))
        .forEach(trail::add));
    own.stream().filter(entry -> !trail.contains(entry)).forEach(trail::add);
    trail.sort(Comparator.comparing(AuditEntry::at));
    return trail;
  }
}
