package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable webhook inbox: a delivery is stored with its run claim in one transaction before it is answered, and
 * workers take pending deliveries with {@code SELECT ... FOR UPDATE SKIP LOCKED} under a lease, so that a delivery
 * held by a crashed worker is taken again once its lease expires. Transient failures are retried with exponential
 * backoff up to {@link InboxSettings#maxAttempts()}; permanent ones go to the dead letters, which can be replayed.
 *
 * <p>Thread-safe, and safe to share between replicas on one database.
 */
public final class JdbiInbox {

  /** The actor named in the audit entries the inbox writes. */
  public static final String ACTOR = "intake";

  private static final Logger LOG = LoggerFactory.getLogger(JdbiInbox.class);
  /** How many due rows each worker looks at per item it wants, so that workers racing for the head still find work. */
  private static final int CANDIDATES_PER_ITEM = 16;
  /** Rows emptied per transaction when pruning, to keep each one short. */
  private static final int PRUNE_BATCH = 500;
  private static final String ENTRY_COLUMNS = "delivery_id, status, source, run_id, received_at, attempts, last_error";

  private final JdbcStore store;
  private final InboxSettings settings;
  private final Clock clock;

  JdbiInbox(JdbcStore store, InboxSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a delivery and claims its run for it, in one transaction. A delivery received before changes nothing but
   * the audit trail; a delivery of a run that another delivery claimed is stored as {@link InboxStatus#DUPLICATE}.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the database cannot be reached: nothing was stored
   */
  public AcceptOutcome accept(InboxDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    FailureEvent event = delivery.event();
    RunKey run = event.run();
    String id = delivery.deliveryId();
    return store.transaction("accept delivery " + id, h -> {
      int stored = h.createUpdate("""
              INSERT INTO inbox (delivery_id, status, source, run_id, job_id, job_name, workspace, occurred_at,
                  reported_error, body, headers, received_at, attempts, next_attempt_at)
              VALUES (:id, 'PENDING', :source, :run, :job, :jobName, :workspace, :occurredAt, :error, :body,
                  :headers, :at, 0, :at)
              ON CONFLICT DO NOTHING""")
          .bind("id", id).bind("source", run.source().name()).bind("run", run.runId().value())
          .bind("job", event.jobId()).bind("jobName", event.jobName()).bind("workspace", event.workspace())
          .bind("occurredAt", event.occurredAt()).bind("error", event.reportedError().orElse(null))
          .bind("body", event.rawPayload()).bind("headers", AnalysisJson.writeMap(delivery.headers()))
          .bind("at", delivery.receivedAt())
          .execute();
      if (stored == 0) {
        String reason = "delivery " + id + " was received before; ignored";
        audit(h, run, delivery.receivedAt(), "duplicate delivery: " + reason);
        return new AcceptOutcome.Duplicate(id, reason);
      }
      if (JdbiIncidentRepository.claim(h, run, id, delivery.receivedAt()) == RunClaim.ALREADY_CLAIMED) {
        String holder = JdbiIncidentRepository.claimant(h, run).orElse("?");
        String reason = "run " + run + " is handled by delivery " + holder;
        h.createUpdate("UPDATE inbox SET status = 'DUPLICATE', last_error = :reason, finished_at = :at"
                + " WHERE delivery_id = :id")
            .bind("reason", reason).bind("at", delivery.receivedAt()).bind("id", id)
            .execute();
        audit(h, run, delivery.receivedAt(), "duplicate delivery " + id + ": " + reason + "; ignored");
        return new AcceptOutcome.Duplicate(id, reason);
      }
      return new AcceptOutcome.Accepted(id);
    });
  }

  private static void audit(Handle h, RunKey run, Instant at, String detail) {
    JdbiIncidentRepository.append(h, new AuditEntry(at, run, Optional.empty(), ACTOR,
        AuditAction.DUPLICATE_DELIVERY, detail));
  }

  /** Keeps a body that is not a usable webhook, with the reason, for inspection; the same body is kept once. */
  public void reject(String deliveryId, String body, Map<String, String> headers, String reason) {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(reason, "reason");
    Instant now = clock.instant();
    store.transaction("reject delivery " + deliveryId, h -> h.createUpdate("""
            INSERT INTO inbox (delivery_id, status, body, headers, received_at, attempts, next_attempt_at, last_error,
                finished_at)
            VALUES (:id, 'REJECTED', :body, :headers, :at, 0, :at, :reason, :at)
            ON CONFLICT DO NOTHING""")
        .bind("id", deliveryId).bind("body", body).bind("headers", AnalysisJson.writeMap(headers))
        .bind("at", now).bind("reason", reason)
        .execute());
  }

  /**
   * Takes up to {@code max} due deliveries for {@code worker}, each under a lease of {@code lease}. Rows locked by
   * other workers are skipped, not waited for. A delivery whose lease expired {@link InboxSettings#maxAttempts()}
   * times goes to the dead letters instead.
   */
  public List<InboxItem> take(String worker, int max, Duration lease) {
    Objects.requireNonNull(worker, "worker");
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    Instant now = clock.instant();
    return store.transaction("take deliveries", h -> {
      // First a window of candidates without locks, then lock among them: H2 would otherwise lock every due row
      // of a long backlog before applying the limit. The conditions are checked again under the lock.
      List<String> candidates = h.createQuery("""
              SELECT delivery_id FROM inbox
              WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
              ORDER BY status, next_attempt_at
              LIMIT :window""")
          .bind("now", now).bind("window", max * CANDIDATES_PER_ITEM)
          .mapTo(String.class).list();
      if (candidates.isEmpty()) {
        return List.<InboxItem>of();
      }
      List<String> due = h.createQuery("""
              SELECT delivery_id FROM inbox
              WHERE delivery_id IN (<candidates>) AND status = 'PENDING' AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until < :now)
              LIMIT :max
              FOR UPDATE SKIP LOCKED""")
          .bindList("candidates", candidates).bind("now", now).bind("max", max)
          .mapTo(String.class).list();
      List<InboxItem> taken = new ArrayList<>();
      for (String id : due) {
        int attempts = h.createQuery("SELECT attempts FROM inbox WHERE delivery_id = :id")
            .bind("id", id).mapTo(Integer.class).one();
        if (attempts >= settings.maxAttempts()) {
          LOG.warn("delivery {} gave up after {} attempts", id, attempts);
          h.createUpdate("""
                  UPDATE inbox SET status = 'DEAD', lease_owner = NULL, lease_until = NULL, finished_at = :now,
                      last_error = COALESCE(last_error, 'the last attempt did not finish: its lease expired')
                  WHERE delivery_id = :id""")
              .bind("now", now).bind("id", id).execute();
          continue;
        }
        h.createUpdate("""
                UPDATE inbox SET lease_owner = :worker, lease_until = :until, attempts = attempts + 1
                WHERE delivery_id = :id""")
            .bind("worker", worker).bind("until", now.plus(lease)).bind("id", id)
            .execute();
        taken.add(h.createQuery("""
                SELECT delivery_id, source, run_id, job_id, job_name, workspace, occurred_at, reported_error, body,
                    attempts
                FROM inbox WHERE delivery_id = :id""")
            .bind("id", id)
            .map((rs, ctx) -> item(rs))
            .one());
      }
      return taken;
    });
  }

  /**
   * Extends the lease of a delivery that {@code worker} still holds, so that a long pipeline (a slow model, a
   * tracker that throttles) is not taken by another worker meanwhile.
   *
   * @return false when the worker no longer holds the lease: it ran out, or the delivery is finished
   */
  public boolean renew(String deliveryId, String worker, Duration lease) {
    Instant now = clock.instant();
    return store.transaction("renew lease of " + deliveryId, h -> h.createUpdate("""
            UPDATE inbox SET lease_until = :until
            WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker AND lease_until >= :now""")
        .bind("until", now.plus(lease)).bind("id", deliveryId).bind("worker", worker).bind("now", now)
        .execute()) == 1;
  }

  /**
   * Drops the raw body and headers of deliveries that finished (done, duplicate or rejected) before
   * {@code now - retention}, in batches; the rows stay, so that a re-sent delivery is still known as a duplicate.
   * Pending and dead deliveries keep theirs: they may still be processed or replayed.
   *
   * @return how many deliveries were emptied
   */
  public int prune(Duration retention) {
    Instant before = clock.instant().minus(retention);
    int total = 0;
    int emptied;
    do {
      emptied = store.transaction("prune inbox", h -> h.createUpdate("""
              UPDATE inbox SET body = '', headers = '{}'
              WHERE delivery_id IN (
                SELECT delivery_id FROM inbox
                WHERE status IN ('DONE', 'DUPLICATE', 'REJECTED') AND finished_at < :before AND LENGTH(body) > 0
                LIMIT :batch)""")
          .bind("before", before).bind("batch", PRUNE_BATCH)
          .execute());
      total += emptied;
    } while (emptied == PRUNE_BATCH);
    return total;
  }

  /** Marks a delivery processed; a worker that lost its lease to another changes nothing. */
  public void complete(String deliveryId, String worker) {
    Instant now = clock.instant();
    int done = store.transaction("complete delivery " + deliveryId, h -> h.createUpdate("""
            UPDATE inbox SET status = 'DONE', lease_owner = NULL, lease_until = NULL, finished_at = :now
            WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker""")
        .bind("now", now).bind("id", deliveryId).bind("worker", worker)
        .execute());
    if (done == 0) {
      LOG.info("delivery {} was completed by {} after its lease passed to another worker", deliveryId, worker);
    }
  }

  /**
   * Records a failed attempt: a transient failure is retried after a backoff until the attempts run out, a
   * permanent one goes to the dead letters at once.
   *
   * @return the delivery's status after the failure
   */
  public InboxStatus fail(String deliveryId, String worker, String error, boolean transientFailure) {
    return fail(deliveryId, worker, error, transientFailure, Duration.ZERO);
  }

  /**
   * As {@link #fail(String, String, String, boolean)}, but a transient failure is not tried again before
   * {@code notBefore} has passed: the wait the other side asked for ({@code Retry-After}), when longer than the
   * inbox's own backoff.
   */
  public InboxStatus fail(String deliveryId, String worker, String error, boolean transientFailure,
      Duration notBefore) {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(notBefore, "notBefore");
    Instant now = clock.instant();
    return store.transaction("fail delivery " + deliveryId, h -> {
      Optional<Integer> attempts = h.createQuery(
              "SELECT attempts FROM inbox WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker")
          .bind("id", deliveryId).bind("worker", worker)
          .mapTo(Integer.class).findOne();
      if (attempts.isEmpty()) {
        return status(h, deliveryId).orElseThrow(() -> new IllegalArgumentException("no delivery " + deliveryId));
      }
      if (!transientFailure || attempts.get() >= settings.maxAttempts()) {
        h.createUpdate("""
                UPDATE inbox SET status = 'DEAD', last_error = :error, lease_owner = NULL, lease_until = NULL,
                    finished_at = :now
                WHERE delivery_id = :id""")
            .bind("error", error).bind("now", now).bind("id", deliveryId).execute();
        return InboxStatus.DEAD;
      }
      h.createUpdate("""
              UPDATE inbox SET last_error = :error, lease_owner = NULL, lease_until = NULL, next_attempt_at = :next
              WHERE delivery_id = :id""")
          .bind("error", error).bind("next", now.plus(longer(settings.backoffAfter(attempts.get()), notBefore)))
          .bind("id", deliveryId).execute();
      return InboxStatus.PENDING;
    });
  }

  /**
   * Puts a dead delivery back in the queue with fresh attempts. Its run's claim is still its own, so the pipeline
   * resumes where it stopped.
   *
   * @throws IllegalArgumentException if there is no dead delivery with that id
   */
  public InboxEntry replay(String deliveryId) {
    Instant now = clock.instant();
    return store.transaction("replay delivery " + deliveryId, h -> {
      int replayed = h.createUpdate("""
              UPDATE inbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_owner = NULL,
                  lease_until = NULL, finished_at = NULL
              WHERE delivery_id = :id AND status = 'DEAD'""")
          .bind("now", now).bind("id", deliveryId).execute();
      if (replayed == 0) {
        throw new IllegalArgumentException("no dead delivery " + deliveryId);
      }
      return entries(h, Optional.empty(), Optional.of(deliveryId), 1).get(0);
    });
  }

  /** Deliveries, newest first, optionally of one status only. */
  public List<InboxEntry> list(Optional<InboxStatus> status, int limit) {
    Objects.requireNonNull(status, "status");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return store.transaction("list deliveries", h -> entries(h, status, Optional.empty(), limit));
  }

  /** One delivery, if it exists. */
  public Optional<InboxEntry> find(String deliveryId) {
    return store.transaction("find delivery", h -> entries(h, Optional.empty(), Optional.of(deliveryId), 1))
        .stream().findFirst();
  }

  /** The delivery's raw body as received, for inspection; empty for no such delivery, blank once pruned. */
  public Optional<String> rawBody(String deliveryId) {
    return store.transaction("read delivery body", h -> h.createQuery(
            "SELECT body FROM inbox WHERE delivery_id = :id").bind("id", deliveryId).mapTo(String.class).findOne());
  }

  /** How many deliveries are in each status. */
  public Map<InboxStatus, Long> counts() {
    return store.transaction("count deliveries", h -> {
      Map<InboxStatus, Long> counts = new EnumMap<>(InboxStatus.class);
      for (InboxStatus s : InboxStatus.values()) {
        counts.put(s, 0L);
      }
      h.createQuery("SELECT status, COUNT(*) AS n FROM inbox GROUP BY status")
          .map((rs, ctx) -> Map.entry(InboxStatus.valueOf(rs.getString("status")), rs.getLong("n")))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      return counts;
    });
  }

  /** When the oldest delivery still waiting for (or held by) a worker was received; empty when none waits. */
  public Optional<Instant> oldestPending() {
    return store.transaction("oldest pending delivery", h -> h.createQuery(
            "SELECT MIN(received_at) AS oldest FROM inbox WHERE status = 'PENDING'")
        .map((rs, ctx) -> Rows.optionalInstant(rs, "oldest"))
        .one());
  }

  private static Optional<InboxStatus> status(Handle h, String deliveryId) {
    return h.createQuery("SELECT status FROM inbox WHERE delivery_id = :id")
        .bind("id", deliveryId).mapTo(String.class).findOne().map(InboxStatus::valueOf);
  }

  private static List<InboxEntry> entries(Handle h, Optional<InboxStatus> status, Optional<String> id, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM inbox WHERE 1 = 1");
    status.ifPresent(s -> sql.append(" AND status = :status"));
    id.ifPresent(s -> sql.append(" AND delivery_id = :id"));
    sql.append(" ORDER BY received_at DESC, delivery_id LIMIT :limit");
    Query query = h.createQuery(sql.toString()).bind("limit", limit);
    status.ifPresent(s -> query.bind("status", s.name()));
    id.ifPresent(s -> query.bind("id", s));
    return query.map((rs, ctx) -> {
      String source = rs.getString("source");
      return new InboxEntry(rs.getString("delivery_id"), InboxStatus.valueOf(rs.getString("status")),
          Rows.optionalString(rs, "run_id").map(r -> source + ":" + r), Rows.instant(rs, "received_at"),
          rs.getInt("attempts"), Rows.optionalString(rs, "last_error"));
    }).list();
  }

  private static InboxItem item(ResultSet rs) throws SQLException {
    FailureEvent event = new FailureEvent(
        RunKey.of(Source.valueOf(rs.getString("source")), rs.getString("run_id")),
        nonNull(rs.getString("job_id")), nonNull(rs.getString("job_name")), nonNull(rs.getString("workspace")),
        Rows.instant(rs, "occurred_at"), Rows.optionalString(rs, "reported_error"), rs.getString("body"));
    return new InboxItem(rs.getString("delivery_id"), event, rs.getInt("attempts"));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
