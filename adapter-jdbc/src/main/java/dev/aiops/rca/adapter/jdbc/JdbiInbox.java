package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.AlertWindow;
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
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.DeliveryInbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable webhook inbox: a delivery is stored with its run claim in one transaction before it is answered, and
 * workers take pending deliveries with {@code SELECT ... FOR UPDATE SKIP LOCKED} under a lease, so that a delivery
 * held by a crashed worker is taken again once its lease expires. When to retry and when to give up is the caller's
 * policy ({@link Settlement}); dead deliveries can be replayed. An alert window is stored with its fields in
 * {@code alert_window} and claims no run. A body is stored once in {@code webhook_bodies}, keyed by its SHA-256, and
 * the deliveries cut from it refer to it, so that a body listing many runs does not multiply in the database.
 *
 * <p>Thread-safe, and safe to share between replicas on one database.
 */
public final class JdbiInbox implements DeliveryInbox {

  /** The actor named in the audit entries the inbox writes. */
  public static final String ACTOR = "intake";

  private static final Logger LOG = LoggerFactory.getLogger(JdbiInbox.class);
  /** How many due rows each worker looks at per item it wants, so that workers racing for the head still find work. */
  private static final int CANDIDATES_PER_ITEM = 16;
  /** Rows emptied per transaction when pruning, to keep each one short. */
  private static final int PRUNE_BATCH = 500;
  private static final String ENTRY_COLUMNS = "delivery_id, status, source, run_id, received_at, attempts, last_error";

  private final JdbcStore store;
  private final Clock clock;

  JdbiInbox(JdbcStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public IntakeResult accept(Delivery received) {
    Objects.requireNonNull(received, "delivery");
    Delivery delivery = new Delivery(received.deliveryId(), PostgresText.of(received.report()), received.headers(),
        received.receivedAt());
    String id = delivery.deliveryId();
    FailureReport report = delivery.report();
    Optional<RunKey> run = report instanceof FailureEvent event ? Optional.of(event.run()) : Optional.empty();
    return store.transaction("accept delivery " + id, h -> {
      int stored = insert(h, delivery);
      if (stored == 0) {
        String reason = "delivery " + id + " was received before; ignored";
        run.ifPresent(r -> audit(h, r, delivery.receivedAt(), "duplicate delivery: " + reason));
        return new IntakeResult.Duplicate(id, reason);
      }
      if (run.isPresent()
          && JdbiIncidentRepository.claim(h, run.get(), id, delivery.receivedAt()) == RunClaim.ALREADY_CLAIMED) {
        String holder = JdbiIncidentRepository.claimant(h, run.get()).orElse("?");
        String reason = "run " + run.get() + " is handled by delivery " + holder;
        h.createUpdate("UPDATE inbox SET status = 'DUPLICATE', last_error = :reason, finished_at = :at"
                + " WHERE delivery_id = :id")
            .bind("reason", reason).bind("at", delivery.receivedAt()).bind("id", id)
            .execute();
        audit(h, run.get(), delivery.receivedAt(), "duplicate delivery " + id + ": " + reason + "; ignored");
        return new IntakeResult.Duplicate(id, reason);
      }
      return new IntakeResult.Accepted(id);
    });
  }

  private static int insert(Handle h, Delivery delivery) {
    FailureReport report = delivery.report();
    String hash = BodyHash.of(report.rawPayload());
    h.createUpdate("""
            INSERT INTO webhook_bodies (body_hash, body, received_at) VALUES (:hash, :body, :at)
            ON CONFLICT DO NOTHING""")
        .bind("hash", hash).bind("body", report.rawPayload()).bind("at", delivery.receivedAt())
        .execute();
    Update insert = h.createUpdate("""
            INSERT INTO inbox (delivery_id, status, source, run_id, job_id, job_name, workspace, occurred_at,
                reported_error, alert_window, body, body_hash, headers, received_at, attempts, next_attempt_at,
                alert_severity)
            VALUES (:id, 'PENDING', :source, :run, :job, :jobName, :workspace, :occurredAt, :error, :window, '',
                :hash, :headers, :at, 0, :at, :severity)
            ON CONFLICT DO NOTHING""")
        .bind("id", delivery.deliveryId()).bind("source", report.source().name())
        .bind("occurredAt", report.occurredAt()).bind("hash", hash)
        .bind("headers", AnalysisJson.writeMap(delivery.headers())).bind("at", delivery.receivedAt());
    if (report instanceof FailureEvent event) {
      insert.bind("run", event.run().runId().value()).bind("job", event.jobId()).bind("jobName", event.jobName())
          .bind("workspace", event.workspace()).bind("error", event.reportedError().orElse(null))
          .bind("window", (String) null)
          .bind("severity", event.alertSeverity().map(AlertSeverity::name).orElse(null));
    } else {
      AlertWindow window = (AlertWindow) report;
      insert.bind("run", (String) null).bind("job", (String) null)
          .bind("jobName", window.jobName().orElse(null)).bind("workspace", window.workspace())
          .bind("error", (String) null).bind("window", AnalysisJson.writeMap(windowFields(window)))
          .bind("severity", window.severity().map(AlertSeverity::name).orElse(null));
    }
    return insert.execute();
  }

  private static Map<String, String> windowFields(AlertWindow window) {
    Map<String, String> fields = new LinkedHashMap<>();
    window.jobName().ifPresent(name -> fields.put("jobName", name));
    window.taskName().ifPresent(name -> fields.put("taskName", name));
    fields.put("windowStart", window.windowStart().toString());
    fields.put("windowEnd", window.windowEnd().toString());
    fields.put("signal", window.signal());
    fields.put("alertId", window.alertId());
    window.severity().ifPresent(severity -> fields.put("severity", severity.name()));
    return fields;
  }

  private static void audit(Handle h, RunKey run, Instant at, String detail) {
    JdbiIncidentRepository.append(h, new AuditEntry(at, run, Optional.empty(), ACTOR,
        AuditAction.DUPLICATE_DELIVERY, detail));
  }

  @Override
  public void reject(String deliveryId, String body, Map<String, String> headers, String reason, Instant now) {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(reason, "reason");
    store.transaction("reject delivery " + deliveryId, h -> h.createUpdate("""
            INSERT INTO inbox (delivery_id, status, body, headers, received_at, attempts, next_attempt_at, last_error,
                finished_at)
            VALUES (:id, 'REJECTED', :body, :headers, :at, 0, :at, :reason, :at)
            ON CONFLICT DO NOTHING""")
        .bind("id", deliveryId).bind("body", PostgresText.of(body)).bind("headers", AnalysisJson.writeMap(headers))
        .bind("at", now).bind("reason", PostgresText.of(reason))
        .execute());
  }

  @Override
  public List<DeliveryItem> take(String worker, int max, Duration lease) {
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
        return List.<DeliveryItem>of();
      }
      List<String> due = h.createQuery("""
              SELECT delivery_id FROM inbox
              WHERE delivery_id IN (<candidates>) AND status = 'PENDING' AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until < :now)
              LIMIT :max
              FOR UPDATE SKIP LOCKED""")
          .bindList("candidates", candidates).bind("now", now).bind("max", max)
          .mapTo(String.class).list();
      List<DeliveryItem> taken = new ArrayList<>();
      for (String id : due) {
        h.createUpdate("""
                UPDATE inbox SET lease_owner = :worker, lease_until = :until, attempts = attempts + 1
                WHERE delivery_id = :id""")
            .bind("worker", worker).bind("until", now.plus(lease)).bind("id", id)
            .execute();
        taken.add(h.createQuery("""
                SELECT i.delivery_id, i.source, i.run_id, i.job_id, i.job_name, i.workspace, i.occurred_at,
                    i.reported_error, i.alert_window, i.alert_severity, COALESCE(b.body, i.body) AS body, i.attempts
                FROM inbox i LEFT JOIN webhook_bodies b ON b.body_hash = i.body_hash
                WHERE i.delivery_id = :id""")
            .bind("id", id)
            .map((rs, ctx) -> item(rs))
            .one());
      }
      return taken;
    });
  }

  @Override
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
   * Pending and dead deliveries keep theirs: they may still be processed or replayed. A shared body goes once no
   * delivery refers to it any more.
   *
   * @return how many deliveries were emptied
   */
  @Override
  public int prune(Instant before) {
    int total = 0;
    int emptied;
    do {
      emptied = store.transaction("prune inbox", h -> h.createUpdate("""
              UPDATE inbox SET body = '', headers = '{}', body_hash = NULL
              WHERE delivery_id IN (
                SELECT delivery_id FROM inbox
                WHERE status IN ('DONE', 'DUPLICATE', 'REJECTED') AND finished_at < :before
                    AND (LENGTH(body) > 0 OR body_hash IS NOT NULL)
                LIMIT :batch)""")
          .bind("before", before).bind("batch", PRUNE_BATCH)
          .execute());
      total += emptied;
    } while (emptied == PRUNE_BATCH);
    // Only bodies received before the cut-off: a delivery being accepted now may be about to refer to a newer one.
    store.transaction("prune webhook bodies", h -> h.createUpdate("""
            DELETE FROM webhook_bodies
            WHERE received_at < :before
                AND NOT EXISTS (SELECT 1 FROM inbox WHERE inbox.body_hash = webhook_bodies.body_hash)""")
        .bind("before", before)
        .execute());
    return total;
  }

  @Override
  public DeliveryStatus settle(String deliveryId, String worker, Settlement settlement) {
    Objects.requireNonNull(settlement, "settlement");
    Instant now = clock.instant();
    return store.transaction("settle delivery " + deliveryId, h -> {
      Update update;
      if (settlement instanceof Settlement.RetryAt retry) {
        update = h.createUpdate("""
            UPDATE inbox SET last_error = :error, lease_owner = NULL, lease_until = NULL, next_attempt_at = :next
            WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker""")
            .bind("error", retry.error()).bind("next", retry.notBefore());
      } else if (settlement instanceof Settlement.Dead dead) {
        update = h.createUpdate("""
            UPDATE inbox SET status = 'DEAD', last_error = :error, lease_owner = NULL, lease_until = NULL,
                finished_at = :now
            WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker""")
            .bind("error", dead.error());
      } else {
        update = h.createUpdate("""
            UPDATE inbox SET status = 'DONE', lease_owner = NULL, lease_until = NULL, finished_at = :now
            WHERE delivery_id = :id AND status = 'PENDING' AND lease_owner = :worker""");
      }
      int settled = update.bind("now", now).bind("id", deliveryId).bind("worker", worker).execute();
      if (settled == 0) {
        LOG.info("delivery {} was settled by {} after its lease passed to another worker", deliveryId, worker);
      }
      return status(h, deliveryId).orElseThrow(() -> new IllegalArgumentException("no delivery " + deliveryId));
    });
  }

  /** A dead delivery goes back in the queue with fresh attempts; its run's claim is still its own. */
  @Override
  public DeliveryEntry replay(String deliveryId) {
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

  @Override
  public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
    Objects.requireNonNull(status, "status");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return store.transaction("list deliveries", h -> entries(h, status, Optional.empty(), limit));
  }

  @Override
  public Optional<DeliveryEntry> find(String deliveryId) {
    return store.transaction("find delivery", h -> entries(h, Optional.empty(), Optional.of(deliveryId), 1))
        .stream().findFirst();
  }

  /** Blank once pruned. */
  @Override
  public Optional<String> rawBody(String deliveryId) {
    return store.transaction("read delivery body", h -> h.createQuery(
            "SELECT COALESCE(b.body, i.body) FROM inbox i LEFT JOIN webhook_bodies b ON b.body_hash = i.body_hash"
                + " WHERE i.delivery_id = :id").bind("id", deliveryId).mapTo(String.class).findOne());
  }

  @Override
  public Map<DeliveryStatus, Long> counts() {
    return store.transaction("count deliveries", h -> {
      Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
      for (DeliveryStatus s : DeliveryStatus.values()) {
        counts.put(s, 0L);
      }
      h.createQuery("SELECT status, COUNT(*) AS n FROM inbox GROUP BY status")
          .map((rs, ctx) -> Map.entry(DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n")))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      return counts;
    });
  }

  @Override
  public Optional<Instant> oldestPending() {
    return store.transaction("oldest pending delivery", h -> h.createQuery(
            "SELECT MIN(received_at) AS oldest FROM inbox WHERE status = 'PENDING'")
        .map((rs, ctx) -> Rows.optionalInstant(rs, "oldest"))
        .one());
  }

  private static Optional<DeliveryStatus> status(Handle h, String deliveryId) {
    return h.createQuery("SELECT status FROM inbox WHERE delivery_id = :id")
        .bind("id", deliveryId).mapTo(String.class).findOne().map(DeliveryStatus::valueOf);
  }

  private static List<DeliveryEntry> entries(Handle h, Optional<DeliveryStatus> status, Optional<String> id, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM inbox WHERE 1 = 1");
    status.ifPresent(s -> sql.append(" AND status = :status"));
    id.ifPresent(s -> sql.append(" AND delivery_id = :id"));
    sql.append(" ORDER BY received_at DESC, delivery_id LIMIT :limit");
    Query query = h.createQuery(sql.toString()).bind("limit", limit);
    status.ifPresent(s -> query.bind("status", s.name()));
    id.ifPresent(s -> query.bind("id", s));
    return query.map((rs, ctx) -> {
      String source = rs.getString("source");
      return new DeliveryEntry(rs.getString("delivery_id"), DeliveryStatus.valueOf(rs.getString("status")),
          Rows.optionalString(rs, "run_id").map(r -> source + ":" + r), Rows.instant(rs, "received_at"),
          rs.getInt("attempts"), Rows.optionalString(rs, "last_error"));
    }).list();
  }

  private static DeliveryItem item(ResultSet rs) throws SQLException {
    Source source = Source.valueOf(rs.getString("source"));
    Optional<String> window = Rows.optionalString(rs, "alert_window");
    FailureReport report = window.isPresent()
        ? window(source, AnalysisJson.readMap(window.get()), rs)
        : new FailureEvent(RunKey.of(source, rs.getString("run_id")), nonNull(rs.getString("job_id")),
            nonNull(rs.getString("job_name")), nonNull(rs.getString("workspace")), Rows.instant(rs, "occurred_at"),
            Rows.optionalString(rs, "reported_error"), rs.getString("body"),
            Rows.optionalString(rs, "alert_severity").map(AlertSeverity::valueOf));
    return new DeliveryItem(rs.getString("delivery_id"), report, rs.getInt("attempts"));
  }

  private static AlertWindow window(Source source, Map<String, String> fields, ResultSet rs) throws SQLException {
    return new AlertWindow(source, nonNull(rs.getString("workspace")), Optional.ofNullable(fields.get("jobName")),
        Optional.ofNullable(fields.get("taskName")), Instant.parse(fields.get("windowStart")),
        Instant.parse(fields.get("windowEnd")), fields.get("signal"), fields.get("alertId"),
        Rows.instant(rs, "occurred_at"), rs.getString("body"),
        Optional.ofNullable(fields.get("severity")).map(AlertSeverity::valueOf));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
