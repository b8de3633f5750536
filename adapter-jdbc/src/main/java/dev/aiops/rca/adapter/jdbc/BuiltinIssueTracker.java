package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.IssueTracker;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The built-in issue tracker ({@code ITSM_TOOL=builtin}): tickets with readable keys such as {@code RCA-42} in the
 * service's own database, unique by idempotency key. Nobody but the service closes them, when it resolves the
 * incident.
 */
public final class BuiltinIssueTracker implements IssueTracker {

  /** The name in {@link TicketRef#system()}. */
  public static final String SYSTEM = "builtin";

  private final JdbcStore store;
  private final Clock clock;

  BuiltinIssueTracker(JdbcStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public TicketRef open(TicketRequest request) {
    Objects.requireNonNull(request, "request");
    return store.transaction("open ticket " + request.idempotencyKey(), h -> {
      Optional<TicketRef> existing = find(h, request.idempotencyKey());
      if (existing.isPresent()) {
        return existing.get();
      }
      long number = h.createQuery("SELECT nextval('ticket_numbers')").mapTo(Long.class).one();
      h.createUpdate("""
              INSERT INTO tickets (ticket_key, idempotency_key, incident_id, signature, summary, description, labels,
                  category, occurrences, created_at, updated_at)
              VALUES (:ticket, :key, :incident, :signature, :summary, :description, :labels, :category, 1, :at, :at)
              ON CONFLICT DO NOTHING""")
          .bind("ticket", "RCA-" + number).bind("key", request.idempotencyKey())
          .bind("incident", request.incident().value()).bind("signature", request.signature().value())
          .bind("summary", request.summary()).bind("description", request.description())
          .bind("labels", AnalysisJson.writeList(request.labels())).bind("category", request.category().name())
          .bind("at", clock.instant())
          .execute();
      // Whoever won the race for the idempotency key, its ticket is the one.
      return find(h, request.idempotencyKey()).orElseThrow();
    });
  }

  @Override
  public Optional<TicketRef> findByIdempotencyKey(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    return store.transaction("find ticket " + idempotencyKey, h -> find(h, idempotencyKey));
  }

  private static Optional<TicketRef> find(Handle h, String idempotencyKey) {
    return h.createQuery("SELECT ticket_key FROM tickets WHERE idempotency_key = :key")
        .bind("key", idempotencyKey)
        .mapTo(String.class)
        .findOne()
        .map(key -> new TicketRef(SYSTEM, key, ""));
  }

  @Override
  public void recordRecurrence(TicketRef ticket, Recurrence recurrence) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(recurrence, "recurrence");
    store.transaction("record recurrence on " + ticket.key(), h -> {
      int updated = h.createUpdate("""
              UPDATE tickets SET occurrences = CASE WHEN occurrences < :count THEN :count ELSE occurrences END,
                  updated_at = :at
              WHERE ticket_key = :ticket""")
          .bind("count", recurrence.occurrences()).bind("at", clock.instant()).bind("ticket", ticket.key())
          .execute();
      if (updated == 0) {
        throw new PermanentPortException("no ticket " + ticket.key());
      }
      return h.createUpdate("""
              INSERT INTO ticket_comments (ticket_key, source, run_id, occurrences, at)
              VALUES (:ticket, :source, :run, :count, :at)""")
          .bind("ticket", ticket.key()).bind("source", recurrence.run().source().name())
          .bind("run", recurrence.run().runId().value()).bind("count", recurrence.occurrences())
          .bind("at", recurrence.at())
          .execute();
    });
  }

  @Override
  public void comment(TicketRef ticket, String text) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(text, "text");
    store.transaction("note on " + ticket.key(), h -> {
      if (h.createQuery("SELECT COUNT(*) FROM tickets WHERE ticket_key = :ticket").bind("ticket", ticket.key())
          .mapTo(Long.class).one() == 0) {
        throw new PermanentPortException("no ticket " + ticket.key());
      }
      return h.createUpdate("INSERT INTO ticket_notes (ticket_key, body, at) VALUES (:ticket, :body, :at)")
          .bind("ticket", ticket.key()).bind("body", text).bind("at", clock.instant())
          .execute();
    });
  }

  @Override
  public TicketState state(TicketRef ticket) {
    Objects.requireNonNull(ticket, "ticket");
    Optional<Boolean> closed = store.transaction("state of " + ticket.key(), h -> h.createQuery(
            "SELECT closed_at IS NOT NULL FROM tickets WHERE ticket_key = :ticket")
        .bind("ticket", ticket.key()).mapTo(Boolean.class).findOne());
    if (closed.isEmpty()) {
      throw new PermanentPortException("no ticket " + ticket.key());
    }
    return closed.get() ? TicketState.done("Closed") : TicketState.open("Open");
  }

  @Override
  public void close(TicketRef ticket, String note) {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(note, "note");
    store.transaction("close " + ticket.key(), h -> {
      int closed = h.createUpdate(
              "UPDATE tickets SET closed_at = :at, updated_at = :at WHERE ticket_key = :ticket AND closed_at IS NULL")
          .bind("at", clock.instant()).bind("ticket", ticket.key()).execute();
      if (closed == 0) {
        if (h.createQuery("SELECT COUNT(*) FROM tickets WHERE ticket_key = :ticket").bind("ticket", ticket.key())
            .mapTo(Long.class).one() == 0) {
          throw new PermanentPortException("no ticket " + ticket.key());
        }
        return 0; // closed before: no second note
      }
      return h.createUpdate("INSERT INTO ticket_notes (ticket_key, body, at) VALUES (:ticket, :body, :at)")
          .bind("ticket", ticket.key()).bind("body", note).bind("at", clock.instant())
          .execute();
    });
  }

  /** The notes on a ticket, oldest first. */
  public List<String> notes(String ticketKey) {
    Objects.requireNonNull(ticketKey, "ticketKey");
    return store.transaction("notes on " + ticketKey, h -> h.createQuery(
            "SELECT body FROM ticket_notes WHERE ticket_key = :ticket ORDER BY id")
        .bind("ticket", ticketKey).mapTo(String.class).list());
  }

  /** How many tickets there are; for operators and tests. */
  public long count() {
    return store.transaction("count tickets", h -> h.createQuery("SELECT COUNT(*) FROM tickets")
        .mapTo(Long.class).one());
  }
}
