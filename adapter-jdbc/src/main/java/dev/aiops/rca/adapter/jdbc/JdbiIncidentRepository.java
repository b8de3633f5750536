package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditAction;
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
import dev.aiops.rca.domain.IncidentSort;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The incident repository, audit trail and remediation log on H2 or PostgreSQL: one class over one schema, since
 * the inbox writes a claim and its audit entry in one transaction and an outcome is recorded only for a stored
 * incident. The run claim is one {@code INSERT ... ON CONFLICT DO NOTHING} on the unique key (source, run id);
 * filing relies on the unique open signature and the unique filed run, so that both stay atomic across replicas
 * that share the database.
 */
public final class JdbiIncidentRepository implements IncidentRepository, AuditTrail, RemediationLog {

  private static final String REMEDIATION_COLUMNS = "e.incident_id, e.action, e.target_source, e.target_run_id, "
      + "e.tasks, e.reason, e.status, e.detail, e.at, e.new_run_id";

  private static final String INCIDENT_COLUMNS = """
      id, signature, first_source, first_run_id, job_name, status, occurrences, first_seen, last_seen, analysis,
      ticket_system, ticket_key, ticket_url, notification_channel, notification_message_id, cost_tags, impact,
      run_page_url, route_name, owner, priority, runbook_url""";

  private final JdbcStore store;

  JdbiIncidentRepository(JdbcStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public RunClaim claim(RunKey run, String claimant, Instant at) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(at, "at");
    if (claimant.isBlank()) {
      throw new IllegalArgumentException("claimant must not be blank");
    }
    return store.transaction("claim " + run, h -> claim(h, run, claimant, at));
  }

  /** The claim inside a caller's transaction, so that the inbox can store a delivery and its claim together. */
  static RunClaim claim(Handle h, RunKey run, String claimant, Instant at) {
    int inserted = h.createUpdate("""
            INSERT INTO run_claims (source, run_id, claimant, claimed_at) VALUES (:source, :run, :claimant, :at)
            ON CONFLICT DO NOTHING""")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .bind("claimant", claimant).bind("at", at)
        .execute();
    if (inserted == 1) {
      return RunClaim.CLAIMED;
    }
    String holder = h.createQuery("SELECT claimant FROM run_claims WHERE source = :source AND run_id = :run")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .mapTo(String.class).one();
    return holder.equals(claimant) ? RunClaim.CLAIMED : RunClaim.ALREADY_CLAIMED;
  }

  /** The run's claimant, if it was claimed. */
  static Optional<String> claimant(Handle h, RunKey run) {
    return h.createQuery("SELECT claimant FROM run_claims WHERE source = :source AND run_id = :run")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .mapTo(String.class).findOne();
  }

  @Override
  public Filing file(IncidentDraft draft) {
    Objects.requireNonNull(draft, "draft");
    return store.transaction("file " + draft.run(), h -> file(h, draft));
  }

  private static Filing file(Handle h, IncidentDraft draft) {
    RunKey run = draft.run();
    Optional<Long> filedUnder = h.createQuery("SELECT incident_id FROM occurrences WHERE source = :source AND run_id = :run")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .mapTo(Long.class).findOne();
    if (filedUnder.isPresent()) {
      Incident incident = find(h, new IncidentId(filedUnder.get())).orElseThrow();
      return incident.firstRun().equals(run) ? new Filing.Opened(incident) : new Filing.Recurred(incident);
    }
    long id = h.createQuery("SELECT nextval('incident_ids')").mapTo(Long.class).one();
    // The unique open signature decides between a new incident and a recurrence, also across replicas.
    int opened = h.createUpdate("""
            INSERT INTO incidents (id, signature, open_signature, first_source, first_run_id, job_name, status,
                category, occurrences, first_seen, last_seen, analysis, cost_tags, impact, root_cause_line, summary,
                run_page_url)
            VALUES (:id, :signature, :signature, :source, :run, :job, 'OPEN', :category, 1, :at, :at, :analysis,
                :costTags, :impact, :rootCause, :summary, :runPage)
            ON CONFLICT DO NOTHING""")
        .bind("id", id).bind("signature", draft.signature().value())
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .bind("job", draft.jobName()).bind("category", draft.analysis().category().name())
        .bind("at", draft.at()).bind("analysis", AnalysisJson.write(draft.analysis()))
        .bind("costTags", AnalysisJson.writeMap(draft.costTags()))
        .bind("impact", AnalysisJson.writeList(draft.impact()))
        .bind("rootCause", draft.analysis().rootCauseLine()).bind("summary", draft.analysis().summary())
        .bind("runPage", draft.runPageUrl().orElse(null))
        .execute();
    if (opened == 1) {
      addOccurrence(h, id, run, draft.at());
      return new Filing.Opened(find(h, new IncidentId(id)).orElseThrow());
    }
    long open = h.createQuery("SELECT id FROM incidents WHERE open_signature = :signature FOR UPDATE")
        .bind("signature", draft.signature().value())
        .mapTo(Long.class).one();
    h.createUpdate("""
            UPDATE incidents SET occurrences = occurrences + 1,
                last_seen = CASE WHEN last_seen < :at THEN :at ELSE last_seen END
            WHERE id = :id""")
        .bind("id", open).bind("at", draft.at())
        .execute();
    addOccurrence(h, open, run, draft.at());
    return new Filing.Recurred(find(h, new IncidentId(open)).orElseThrow());
  }

  private static void addOccurrence(Handle h, long incident, RunKey run, Instant at) {
    // A plain insert: if another transaction filed the same run meanwhile, this one fails and is retried.
    h.createUpdate("INSERT INTO occurrences (source, run_id, incident_id, occurred_at) VALUES (:source, :run, :id, :at)")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .bind("id", incident).bind("at", at)
        .execute();
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return store.transaction("find incident " + id, h -> find(h, id));
  }

  private static Optional<Incident> find(Handle h, IncidentId id) {
    return h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> incident(rs))
        .findOne();
  }

  @Override
  public List<Incident> list(IncidentQuery query) {
    Objects.requireNonNull(query, "query");
    return store.transaction("list incidents", h -> listed(h, query, 0));
  }

  @Override
  public IncidentListing page(IncidentQuery query, long offset) {
    Objects.requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    // One transaction, so that the page and its total see the same incidents.
    return store.transaction("page incidents", h -> {
      Query total = h.createQuery("SELECT COUNT(*) FROM incidents WHERE 1 = 1" + where(query, ""));
      bindFilter(total, query);
      return new IncidentListing(listed(h, query, offset), offset, total.mapTo(Long.class).one());
    });
  }

  private static List<Incident> listed(Handle h, IncidentQuery query, long offset) {
    Query q = h.createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incidents WHERE 1 = 1" + where(query, "")
            + orderBy(query.sort()) + " LIMIT :limit OFFSET :offset")
        .bind("limit", query.limit()).bind("offset", offset);
    bindFilter(q, query);
    return q.map((rs, ctx) -> incident(rs)).list();
  }

  @Override
  public IncidentCounts count(IncidentQuery filter) {
    Objects.requireNonNull(filter, "filter");
    return store.transaction("count incidents", h -> {
      // One grouped scan; the three breakdowns are summed from its rows.
      Query q = h.createQuery("SELECT first_source, category, status, COUNT(*) AS n FROM incidents WHERE 1 = 1"
          + where(filter, "") + " GROUP BY first_source, category, status");
      bindFilter(q, filter);
      Map<Source, Long> bySource = new EnumMap<>(Source.class);
      Map<Category, Long> byCategory = new EnumMap<>(Category.class);
      Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
      long[] total = {0};
      q.map((rs, ctx) -> {
        long n = rs.getLong("n");
        total[0] += n;
        bySource.merge(Source.valueOf(rs.getString("first_source")), n, Long::sum);
        byCategory.merge(Category.valueOf(rs.getString("category")), n, Long::sum);
        byStatus.merge(IncidentStatus.valueOf(rs.getString("status")), n, Long::sum);
        return n;
      }).list();
      return new IncidentCounts(total[0], bySource, byCategory, byStatus);
    });
  }

  @Override
  public List<DailyFailures> failuresPerDay(IncidentQuery filter, Instant from, Instant to) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    // The UTC day from the epoch seconds, so that neither database's session time zone moves a run to another day.
    String day = "CAST(FLOOR(EXTRACT(EPOCH FROM o.occurred_at) / 86400) AS BIGINT)";
    String sql = "SELECT " + day + " AS epoch_day, i.category AS category, COUNT(*) AS n"
        + " FROM occurrences o JOIN incidents i ON i.id = o.incident_id"
        + " WHERE o.occurred_at >= :from AND o.occurred_at < :to" + where(filter, "i.")
        + " GROUP BY " + day + ", i.category";
    return store.transaction("failures per day", h -> {
      Query q = h.createQuery(sql).bind("from", from).bind("to", to);
      bindFilter(q, filter);
      return q.map((rs, ctx) -> new DailyFailures(LocalDate.ofEpochDay(rs.getLong("epoch_day")),
              Category.valueOf(rs.getString("category")), rs.getLong("n")))
          .list().stream()
          .sorted(Comparator.comparing(DailyFailures::day).thenComparing(DailyFailures::category))
          .toList();
    });
  }

  /**
   * The filter's conditions, each starting with {@code AND}, on the incidents table's own columns, named with
   * {@code alias} (empty, or {@code "i."} in a join).
   */
  private static String where(IncidentQuery query, String alias) {
    StringBuilder sql = new StringBuilder();
    query.source().ifPresent(s -> sql.append(" AND ").append(alias).append("first_source = :source"));
    query.category().ifPresent(c -> sql.append(" AND ").append(alias).append("category = :category"));
    query.status().ifPresent(s -> sql.append(" AND ").append(alias).append("status = :status"));
    query.jobName().ifPresent(j -> sql.append(" AND ").append(alias).append("job_name = :job"));
    query.text().ifPresent(t -> sql.append(" AND (").append(like(alias + "job_name")).append(" OR ")
        .append(like(alias + "root_cause_line")).append(" OR ").append(like(alias + "summary")).append(")"));
    query.from().ifPresent(f -> sql.append(" AND ").append(alias).append("last_seen >= :from"));
    query.to().ifPresent(t -> sql.append(" AND ").append(alias).append("last_seen < :to"));
    return sql.toString();
  }

  /** A case-insensitive substring match; '!' escapes the pattern's wildcards (a backslash trips jdbi's lexer). */
  private static String like(String column) {
    return "LOWER(" + column + ") LIKE LOWER(:text) ESCAPE '!'";
  }

  private static void bindFilter(Query q, IncidentQuery query) {
    query.source().ifPresent(s -> q.bind("source", s.name()));
    query.category().ifPresent(c -> q.bind("category", c.name()));
    query.status().ifPresent(s -> q.bind("status", s.name()));
    query.jobName().ifPresent(j -> q.bind("job", j));
    // Lower-cased by the database, as the columns are, so that both sides fold case by the same rules.
    query.text().ifPresent(t -> q.bind("text", "%" + escapeLike(t) + "%"));
    query.from().ifPresent(f -> q.bind("from", f));
    query.to().ifPresent(t -> q.bind("to", t));
  }

  /** The text with LIKE's wildcards and the escape character taken literally. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** The listing's order from a whitelist of columns, ties broken by id in the same direction. */
  private static String orderBy(IncidentSort sort) {
    String column = switch (sort.key()) {
      case LAST_SEEN -> "last_seen";
      case FIRST_SEEN -> "first_seen";
      case OCCURRENCES -> "occurrences";
    };
    String direction = sort.descending() ? " DESC" : " ASC";
    return " ORDER BY " + column + direction + ", id" + direction;
  }

  @Override
  public Incident attachTicket(IncidentId id, TicketRef ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return update(id, "attach ticket", h -> h.createUpdate(
            "UPDATE incidents SET ticket_system = :system, ticket_key = :key, ticket_url = :url WHERE id = :id")
        .bind("system", ticket.system()).bind("key", ticket.key()).bind("url", ticket.url()).bind("id", id.value())
        .execute());
  }

  @Override
  public Incident attachNotification(IncidentId id, NotificationRef notification) {
    Objects.requireNonNull(notification, "notification");
    return update(id, "attach notification", h -> h.createUpdate("""
            UPDATE incidents SET notification_channel = :channel, notification_message_id = :message WHERE id = :id""")
        .bind("channel", notification.channel()).bind("message", notification.messageId()).bind("id", id.value())
        .execute());
  }

  @Override
  public Incident changeStatus(IncidentId id, IncidentStatus status) {
    Objects.requireNonNull(status, "status");
    return update(id, "change status", h -> {
      int changed = h.createUpdate("UPDATE incidents SET status = :status, open_signature = NULL WHERE id = :id")
          .bind("status", status.name()).bind("id", id.value())
          .execute();
      if (changed == 1 && status == IncidentStatus.OPEN) {
        // Reopened: it groups its signature again unless another incident opened for it meanwhile.
        h.createUpdate("""
                UPDATE incidents SET open_signature = signature WHERE id = :id
                AND NOT EXISTS (SELECT 1 FROM incidents other WHERE other.open_signature = incidents.signature)""")
            .bind("id", id.value())
            .execute();
      }
      return changed;
    });
  }

  @Override
  public Incident assign(IncidentId id, Assignment assignment) {
    Objects.requireNonNull(assignment, "assignment");
    return update(id, "assign", h -> h.createUpdate("""
            UPDATE incidents SET route_name = :route, owner = :owner, priority = :priority, runbook_url = :runbook
            WHERE id = :id""")
        .bind("route", assignment.route()).bind("owner", assignment.owner().orElse(null))
        .bind("priority", assignment.priority().name()).bind("runbook", assignment.runbookUrl().orElse(null))
        .bind("id", id.value())
        .execute());
  }

  /** A statement on one incident, then the incident as it is now. */
  private Incident update(IncidentId id, String operation, java.util.function.ToIntFunction<Handle> statement) {
    Objects.requireNonNull(id, "id");
    return store.transaction(operation + " of incident " + id, h -> {
      if (statement.applyAsInt(h) == 0) {
        throw new IllegalArgumentException("no incident " + id);
      }
      return find(h, id).orElseThrow();
    });
  }

  @Override
  public void append(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    store.transaction("append audit entry", h -> {
      append(h, entry);
      return null;
    });
  }

  /** Appends inside a caller's transaction. */
  static void append(Handle h, AuditEntry entry) {
    h.createUpdate("""
            INSERT INTO audit_entries (at, source, run_id, incident_id, actor, action, detail)
            VALUES (:at, :source, :run, :incident, :actor, :action, :detail)""")
        .bind("at", entry.at()).bind("source", entry.run().source().name()).bind("run", entry.run().runId().value())
        .bind("incident", entry.incident().map(IncidentId::value).orElse(null))
        .bind("actor", entry.actor()).bind("action", entry.action().name()).bind("detail", entry.detail())
        .execute();
  }

  @Override
  public List<AuditEntry> auditTrail(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return store.transaction("audit trail of incident " + id, h -> h.createQuery("""
            SELECT at, source, run_id, incident_id, actor, action, detail FROM audit_entries
            WHERE incident_id = :id ORDER BY id""")
        .bind("id", id.value())
        .map((rs, ctx) -> auditEntry(rs))
        .list());
  }

  @Override
  public List<AuditEntry> auditTrail(RunKey run) {
    Objects.requireNonNull(run, "run");
    return store.transaction("audit trail of run " + run, h -> h.createQuery("""
            SELECT at, source, run_id, incident_id, actor, action, detail FROM audit_entries
            WHERE source = :source AND run_id = :run ORDER BY id""")
        .bind("source", run.source().name()).bind("run", run.runId().value())
        .map((rs, ctx) -> auditEntry(rs))
        .list());
  }

  /** Every audit entry with this action, oldest first; for operators and tests. */
  public List<AuditEntry> auditEntries(AuditAction action) {
    Objects.requireNonNull(action, "action");
    return store.transaction("audit entries " + action, h -> h.createQuery("""
            SELECT at, source, run_id, incident_id, actor, action, detail FROM audit_entries
            WHERE action = :action ORDER BY id""")
        .bind("action", action.name())
        .map((rs, ctx) -> auditEntry(rs))
        .list());
  }

  @Override
  public boolean record(RemediationOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    RemediationPlan plan = outcome.plan();
    return store.transaction("record remediation of incident " + plan.incident(), h -> {
      if (find(h, plan.incident()).isEmpty()) {
        throw new IllegalArgumentException("no incident " + plan.incident());
      }
      // The unique index remediation_once turns a second result for the same new run into no row.
      return h.createUpdate("""
              INSERT INTO remediation_outcomes (incident_id, action, target_source, target_run_id, tasks, reason,
                  status, detail, at, new_run_id)
              VALUES (:incident, :action, :source, :run, :tasks, :reason, :status, :detail, :at, :newRun)
              ON CONFLICT DO NOTHING""")
          .bind("incident", plan.incident().value()).bind("action", plan.action().name())
          .bind("source", plan.target().source().name()).bind("run", plan.target().runId().value())
          .bind("tasks", AnalysisJson.writeList(plan.tasks())).bind("reason", plan.reason())
          .bind("status", outcome.status().name()).bind("detail", outcome.detail()).bind("at", outcome.at())
          .bind("newRun", outcome.newRun().map(RunId::value).orElse(null))
          .execute() == 1;
    });
  }

  @Override
  public List<RemediationOutcome> unfinishedRemediations(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return store.transaction("unfinished remediations", h -> h.createQuery("SELECT " + REMEDIATION_COLUMNS + """
             FROM remediation_outcomes e
            WHERE e.status = 'EXECUTED' AND e.new_run_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM remediation_outcomes r
                              WHERE r.incident_id = e.incident_id AND r.new_run_id = e.new_run_id
                                AND r.status IN ('RUN_SUCCEEDED', 'RUN_FAILED'))
            ORDER BY e.id
            LIMIT :limit""")
        .bind("limit", limit)
        .map((rs, ctx) -> remediation(rs))
        .list());
  }

  @Override
  public List<RemediationOutcome> remediations(IncidentId id) {
    Objects.requireNonNull(id, "id");
    return store.transaction("remediations of incident " + id, h -> h.createQuery("SELECT " + REMEDIATION_COLUMNS
            + " FROM remediation_outcomes e WHERE e.incident_id = :id ORDER BY e.id")
        .bind("id", id.value())
        .map((rs, ctx) -> remediation(rs))
        .list());
  }

  private static RemediationOutcome remediation(ResultSet rs) throws SQLException {
    return new RemediationOutcome(
        new RemediationPlan(new IncidentId(rs.getLong("incident_id")),
            RemediationAction.valueOf(rs.getString("action")),
            RunKey.of(Source.valueOf(rs.getString("target_source")), rs.getString("target_run_id")),
            AnalysisJson.readList(rs.getString("tasks")), rs.getString("reason")),
        RemediationStatus.valueOf(rs.getString("status")), rs.getString("detail"), Rows.instant(rs, "at"),
        Rows.optionalString(rs, "new_run_id").map(RunId::new));
  }

  private static Incident incident(ResultSet rs) throws SQLException {
    Optional<TicketRef> ticket = Rows.optionalString(rs, "ticket_key")
        .map(key -> new TicketRef(stringOr(rs, "ticket_system"), key, stringOr(rs, "ticket_url")));
    Optional<NotificationRef> notification = Rows.optionalString(rs, "notification_message_id")
        .map(message -> new NotificationRef(stringOr(rs, "notification_channel"), message));
    return new Incident(
        new IncidentId(rs.getLong("id")),
        new ErrorSignature(rs.getString("signature")),
        RunKey.of(Source.valueOf(rs.getString("first_source")), rs.getString("first_run_id")),
        rs.getString("job_name"),
        IncidentStatus.valueOf(rs.getString("status")),
        rs.getInt("occurrences"),
        Rows.instant(rs, "first_seen"),
        Rows.instant(rs, "last_seen"),
        AnalysisJson.readAnalysis(rs.getString("analysis")),
        ticket,
        notification,
        costTags(rs.getString("cost_tags")),
        AnalysisJson.readList(rs.getString("impact")),
        new Assignment(rs.getString("route_name"), Rows.optionalString(rs, "owner"),
            Priority.valueOf(rs.getString("priority")), Rows.optionalString(rs, "runbook_url")),
        Rows.optionalString(rs, "run_page_url"));
  }

  /** The stored cost tags; none when the column is empty, as for incidents filed before it existed. */
  private static Map<String, String> costTags(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    Map<String, String> tags = AnalysisJson.readMap(json);
    return tags == null ? Map.of() : tags;
  }

  private static String stringOr(ResultSet rs, String column) {
    try {
      String value = rs.getString(column);
      return value == null ? "" : value;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + column, e);
    }
  }

  private static AuditEntry auditEntry(ResultSet rs) throws SQLException {
    long incident = rs.getLong("incident_id");
    Optional<IncidentId> incidentId = rs.wasNull() ? Optional.empty() : Optional.of(new IncidentId(incident));
    return new AuditEntry(Rows.instant(rs, "at"),
        RunKey.of(Source.valueOf(rs.getString("source")), rs.getString("run_id")), incidentId,
        rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("detail"));
  }
}
