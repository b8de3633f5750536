package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.FailureReport;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Settlement;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery inbox in memory, thread-safe by one lock. It claims runs through the incident repository and audits
 * duplicates in the audit trail it is given, as the JDBC inbox does in its own transaction, and fails on demand.
 */
public final class InMemoryDeliveryInbox implements DeliveryInbox {

  /** The actor named in the audit entries the inbox writes. */
  public static final String ACTOR = "intake";

  private final IncidentRepository claims;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  /** Which delivery claimed each run, to name it to a duplicate's sender. */
  private final Map<RunKey, String> holders = new HashMap<>();
  private final FailureInjector failures = new FailureInjector();

  /** One stored delivery; mutable under the inbox's lock. */
  private static final class Row {
    final String id;
    final Optional<FailureReport> report;
    final String body;
    final Instant receivedAt;
    DeliveryStatus status;
    int attempts;
    Instant due;
    Optional<String> owner = Optional.empty();
    Instant leaseUntil = Instant.MIN;
    Optional<String> lastError = Optional.empty();
    Optional<Instant> finishedAt = Optional.empty();
    boolean pruned;

    Row(String id, Optional<FailureReport> report, String body, Instant receivedAt, DeliveryStatus status) {
      this.id = id;
      this.report = report;
      this.body = body;
      this.receivedAt = receivedAt;
      this.status = status;
      this.due = receivedAt;
    }

    DeliveryEntry entry() {
      Optional<String> run = report.filter(FailureEvent.class::isInstance)
          .map(r -> ((FailureEvent) r).run().toString());
      return new DeliveryEntry(id, status, run, receivedAt, attempts, lastError);
    }
  }

  /**
   * @param claims the repository whose run claims the inbox shares with the pipeline
   * @param audit the audit trail the inbox shares with the pipeline
   */
  public InMemoryDeliveryInbox(IncidentRepository claims, AuditTrail audit, Clock clock) {
    this.claims = Objects.requireNonNull(claims, "claims");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Controls failures of every method. */
  public FailureInjector failures() {
    return failures;
  }

  @Override
  public synchronized IntakeResult accept(Delivery delivery) {
    failures.maybeFail();
    String id = delivery.deliveryId();
    Optional<RunKey> run = delivery.report() instanceof FailureEvent event ? Optional.of(event.run())
        : Optional.empty();
    if (rows.containsKey(id)) {
      String reason = "delivery " + id + " was received before; ignored";
      run.ifPresent(r -> audit(r, delivery.receivedAt(), "duplicate delivery: " + reason));
      return new IntakeResult.Duplicate(id, reason);
    }
    Row row = new Row(id, Optional.of(delivery.report()), delivery.report().rawPayload(), delivery.receivedAt(),
        DeliveryStatus.PENDING);
    rows.put(id, row);
    if (run.isPresent() && claims.claim(run.get(), id, delivery.receivedAt()) == RunClaim.ALREADY_CLAIMED) {
      String holder = holders.getOrDefault(run.get(), "?");
      String reason = "run " + run.get() + " is handled by delivery " + holder;
      row.status = DeliveryStatus.DUPLICATE;
      row.lastError = Optional.of(reason);
      row.finishedAt = Optional.of(delivery.receivedAt());
      audit(run.get(), delivery.receivedAt(), "duplicate delivery " + id + ": " + reason + "; ignored");
      return new IntakeResult.Duplicate(id, reason);
    }
    run.ifPresent(r -> holders.put(r, id));
    return new IntakeResult.Accepted(id);
  }

  private void audit(RunKey run, Instant at, String detail) {
    audit.append(new AuditEntry(at, run, Optional.empty(), ACTOR, AuditAction.DUPLICATE_DELIVERY, detail));
  }

  @Override
  public synchronized void reject(String deliveryId, String body, Map<String, String> headers, String reason,
      Instant at) {
    failures.maybeFail();
    if (!rows.containsKey(deliveryId)) {
      Row row = new Row(deliveryId, Optional.empty(), body, at, DeliveryStatus.REJECTED);
      row.lastError = Optional.of(reason);
      row.finishedAt = Optional.of(at);
      rows.put(deliveryId, row);
    }
  }

  @Override
  public synchronized List<DeliveryItem> take(String worker, int max, Duration lease) {
    failures.maybeFail();
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    Instant now = clock.instant();
    List<DeliveryItem> taken = new ArrayList<>();
    rows.values().stream()
        .filter(row -> row.status == DeliveryStatus.PENDING && !row.due.isAfter(now) && row.leaseUntil.isBefore(now))
        .sorted(Comparator.comparing(row -> row.due))
        .limit(max)
        .forEach(row -> {
          row.owner = Optional.of(worker);
          row.leaseUntil = now.plus(lease);
          row.attempts++;
          taken.add(new DeliveryItem(row.id, row.report.orElseThrow(), row.attempts));
        });
    return taken;
  }

  @Override
  public synchronized boolean renew(String deliveryId, String worker, Duration lease) {
    failures.maybeFail();
    Instant now = clock.instant();
    Row row = rows.get(deliveryId);
    if (row == null || !held(row, worker, now)) {
      return false;
    }
    row.leaseUntil = now.plus(lease);
    return true;
  }

  private static boolean held(Row row, String worker, Instant now) {
    return row.status == DeliveryStatus.PENDING && row.owner.equals(Optional.of(worker))
        && !row.leaseUntil.isBefore(now);
  }

  @Override
  public synchronized DeliveryStatus settle(String deliveryId, String worker, Settlement settlement) {
    failures.maybeFail();
    Row row = rows.get(deliveryId);
    if (row == null) {
      throw new IllegalArgumentException("no delivery " + deliveryId);
    }
    if (row.status != DeliveryStatus.PENDING || !row.owner.equals(Optional.of(worker))) {
      return row.status;
    }
    Instant now = clock.instant();
    row.owner = Optional.empty();
    row.leaseUntil = Instant.MIN;
    if (settlement instanceof Settlement.RetryAt retry) {
      row.due = retry.notBefore();
      row.lastError = Optional.of(retry.error());
    } else {
      row.status = settlement instanceof Settlement.Dead ? DeliveryStatus.DEAD : DeliveryStatus.DONE;
      if (settlement instanceof Settlement.Dead dead) {
        row.lastError = Optional.of(dead.error());
      }
      row.finishedAt = Optional.of(now);
    }
    return row.status;
  }

  @Override
  public synchronized DeliveryEntry replay(String deliveryId) {
    failures.maybeFail();
    Row row = rows.get(deliveryId);
    if (row == null || row.status != DeliveryStatus.DEAD) {
      throw new IllegalArgumentException("no dead delivery " + deliveryId);
    }
    row.status = DeliveryStatus.PENDING;
    row.attempts = 0;
    row.due = clock.instant();
    row.owner = Optional.empty();
    row.leaseUntil = Instant.MIN;
    row.finishedAt = Optional.empty();
    return row.entry();
  }

  @Override
  public synchronized List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
    failures.maybeFail();
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return rows.values().stream()
        .filter(row -> status.map(s -> s == row.status).orElse(true))
        .sorted(Comparator.comparing((Row row) -> row.receivedAt).reversed().thenComparing(row -> row.id))
        .limit(limit)
        .map(Row::entry)
        .toList();
  }

  @Override
  public synchronized Optional<DeliveryEntry> find(String deliveryId) {
    failures.maybeFail();
    return Optional.ofNullable(rows.get(deliveryId)).map(Row::entry);
  }

  @Override
  public synchronized Optional<String> rawBody(String deliveryId) {
    failures.maybeFail();
    return Optional.ofNullable(rows.get(deliveryId)).map(row -> row.pruned ? "" : row.body);
  }

  @Override
  public synchronized Map<DeliveryStatus, Long> counts() {
    failures.maybeFail();
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus status : DeliveryStatus.values()) {
      counts.put(status, 0L);
    }
    rows.values().forEach(row -> counts.merge(row.status, 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized Optional<Instant> oldestPending() {
    failures.maybeFail();
    return rows.values().stream().filter(row -> row.status == DeliveryStatus.PENDING).map(row -> row.receivedAt)
        .min(Comparator.naturalOrder());
  }

  @Override
  public synchronized int prune(Instant finishedBefore) {
    failures.maybeFail();
    int emptied = 0;
    for (Row row : rows.values()) {
      boolean finished = row.status == DeliveryStatus.DONE || row.status == DeliveryStatus.DUPLICATE
          || row.status == DeliveryStatus.REJECTED;
      if (finished && !row.pruned && row.finishedAt.map(at -> at.isBefore(finishedBefore)).orElse(false)) {
        row.pruned = true;
        emptied++;
      }
    }
    return emptied;
  }
}
