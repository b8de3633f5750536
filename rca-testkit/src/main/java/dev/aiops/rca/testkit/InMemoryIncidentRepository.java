package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.DailyFailures;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentCounts;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentListing;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Incidents, audit trail and remediation log in memory: thread-safe by one lock, ids from 1, failing on demand. */
public final class InMemoryIncidentRepository implements IncidentRepository, AuditTrail, RemediationLog {

  private final Map<RunKey, String> claims = new HashMap<>();
  private final Map<IncidentId, Incident> incidents = new LinkedHashMap<>();
  private final Map<ErrorSignature, IncidentId> openBySignature = new HashMap<>();
  private final Map<RunKey, IncidentId> filedRuns = new HashMap<>();
  private final Map<RunKey, Instant> filedAt = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final List<RemediationOutcome> remediations = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();
  private long nextId = 1;

  /** Controls failures of every method. */
  public FailureInjector failures() {
    return failures;
  }

  @Override
  public synchronized RunClaim claim(RunKey run, String claimant, Instant at) {
    failures.maybeFail();
    if (claimant.isBlank()) {
      throw new IllegalArgumentException("claimant must not be blank");
    }
    String holder = claims.putIfAbsent(run, claimant);
    return holder == null || holder.equals(claimant) ? RunClaim.CLAIMED : RunClaim.ALREADY_CLAIMED;
  }

  @Override
  public synchronized Filing file(IncidentDraft draft) {
    failures.maybeFail();
    IncidentId filedUnder = filedRuns.get(draft.run());
    if (filedUnder != null) {
      Incident incident = incidents.get(filedUnder);
      return incident.firstRun().equals(draft.run()) ? new Filing.Opened(incident) : new Filing.Recurred(incident);
    }
    IncidentId open = openBySignature.get(draft.signature());
    if (open != null) {
      Incident recurred = incidents.get(open).recurred(draft.at());
      incidents.put(open, recurred);
      filedRuns.put(draft.run(), open);
      filedAt.put(draft.run(), draft.at());
      return new Filing.Recurred(recurred);
    }
    IncidentId id = new IncidentId(nextId++);
    Incident incident = new Incident(id, draft.signature(), draft.run(), draft.jobName(), IncidentStatus.OPEN, 1,
        draft.at(), draft.at(), draft.analysis(), Optional.empty(), Optional.empty(), draft.costTags(),
        draft.impact(), Assignment.UNROUTED, draft.runPageUrl());
    incidents.put(id, incident);
    openBySignature.put(draft.signature(), id);
    filedRuns.put(draft.run(), id);
    filedAt.put(draft.run(), draft.at());
    return new Filing.Opened(incident);
  }

  @Override
  public synchronized Optional<Incident> find(IncidentId id) {
    failures.maybeFail();
    return Optional.ofNullable(incidents.get(id));
  }

  @Override
  public synchronized List<Incident> list(IncidentQuery query) {
    failures.maybeFail();
    return incidents.values().stream()
        .filter(query::matches)
        .sorted(query.sort().comparator())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized IncidentListing page(IncidentQuery query, long offset) {
    failures.maybeFail();
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    List<Incident> matching = incidents.values().stream()
        .filter(query::matches)
        .sorted(query.sort().comparator())
        .toList();
    List<Incident> items = matching.stream().skip(offset).limit(query.limit()).toList();
    return new IncidentListing(items, offset, matching.size());
  }

  @Override
  public synchronized IncidentCounts count(IncidentQuery filter) {
    failures.maybeFail();
    Map<Source, Long> bySource = new HashMap<>();
    Map<Category, Long> byCategory = new HashMap<>();
    Map<IncidentStatus, Long> byStatus = new HashMap<>();
    long total = 0;
    for (Incident incident : incidents.values()) {
      if (filter.matches(incident)) {
        total++;
        bySource.merge(incident.source(), 1L, Long::sum);
        byCategory.merge(incident.analysis().category(), 1L, Long::sum);
        byStatus.merge(incident.status(), 1L, Long::sum);
      }
    }
    return new IncidentCounts(total, bySource, byCategory, byStatus);
  }

  @Override
  public synchronized List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to) {
    failures.maybeFail();
    Map<LocalDate, Map<Category, Long>> perDay = new TreeMap<>();
    filedRuns.forEach((run, id) -> {
      Incident incident = incidents.get(id);
      Instant at = filedAt.get(run);
      if (filter.matches(incident) && !at.isBefore(from) && at.isBefore(to)) {
        perDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), day -> new TreeMap<>())
            .merge(incident.analysis().category(), 1L, Long::sum);
      }
    });
    List<DailyFailures> result = new ArrayList<>();
    perDay.forEach((day, counts) -> counts.forEach((category, runs) ->
        result.add(new DailyFailures(day, category, runs))));
    return result;
  }

  @Override
  public synchronized Incident attachTicket(IncidentId id, TicketRef ticket) {
    return update(id, incident -> incident.withTicket(ticket));
  }

  @Override
  public synchronized Incident attachNotification(IncidentId id, NotificationRef notification) {
    return update(id, incident -> incident.withNotification(notification));
  }

  @Override
  public synchronized Incident changeStatus(IncidentId id, IncidentStatus status) {
    Incident changed = update(id, incident -> incident.withStatus(status));
    if (status == IncidentStatus.RESOLVED) {
      openBySignature.remove(changed.signature(), id);
    } else {
      openBySignature.putIfAbsent(changed.signature(), id);
    }
    return changed;
  }

  @Override
  public synchronized Incident assign(IncidentId id, Assignment assignment) {
    Objects.requireNonNull(assignment, "assignment");
    return update(id, incident -> incident.withAssignment(assignment));
  }

  private Incident update(IncidentId id, UnaryOperator<Incident> change) {
    failures.maybeFail();
    Incident incident = incidents.get(id);
    if (incident == null) {
      throw new IllegalArgumentException("no incident " + id);
    }
    Incident changed = change.apply(incident);
    incidents.put(id, changed);
    return changed;
  }

  @Override
  public synchronized void append(AuditEntry entry) {
    failures.maybeFail();
    audit.add(entry);
  }

  @Override
  public synchronized List<AuditEntry> auditTrail(IncidentId id) {
    failures.maybeFail();
    return audit.stream().filter(e -> e.incident().filter(id::equals).isPresent()).toList();
  }

  @Override
  public synchronized List<AuditEntry> auditTrail(RunKey run) {
    failures.maybeFail();
    return audit.stream().filter(e -> e.run().equals(run)).toList();
  }

  /** Every audit entry, oldest first. */
  public synchronized List<AuditEntry> allAudit() {
    return List.copyOf(audit);
  }

  @Override
  public synchronized boolean record(RemediationOutcome outcome) {
    failures.maybeFail();
    if (!incidents.containsKey(outcome.plan().incident())) {
      throw new IllegalArgumentException("no incident " + outcome.plan().incident());
    }
    boolean seen = outcome.newRun().isPresent() && remediations.stream().anyMatch(o ->
        o.plan().incident().equals(outcome.plan().incident()) && o.newRun().equals(outcome.newRun())
            && o.status() == outcome.status());
    if (seen) {
      return false;
    }
    remediations.add(outcome);
    return true;
  }

  @Override
  public synchronized List<RemediationOutcome> unfinishedRemediations(int limit) {
    failures.maybeFail();
    return remediations.stream()
        .filter(o -> o.status() == RemediationStatus.EXECUTED && o.newRun().isPresent())
        .filter(o -> remediations.stream().noneMatch(r -> r.plan().incident().equals(o.plan().incident())
            && r.newRun().equals(o.newRun())
            && (r.status() == RemediationStatus.RUN_SUCCEEDED || r.status() == RemediationStatus.RUN_FAILED)))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<RemediationOutcome> remediations(IncidentId id) {
    failures.maybeFail();
    return remediations.stream().filter(o -> o.plan().incident().equals(id)).toList();
  }
}
