package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.domain.TicketState;
import java.util.Optional;

/**
 * Opens and updates tickets (built-in store, Jira, ServiceNow ...).
 *
 * <p>Implementations are thread-safe. Opening is idempotent by {@link TicketRequest#idempotencyKey()}: a second
 * {@link #open} with the same key returns the first ticket instead of opening another.
 */
public interface IssueTracker {

  /** The tracker's name as it appears in {@link TicketRef#system()}. */
  String system();

  /**
   * Opens a ticket, or returns the one already opened with the same idempotency key.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker throttles, times out or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the tracker refuses the ticket or the credentials
   */
  TicketRef open(TicketRequest request);

  /**
   * The ticket opened with this idempotency key, or empty when there is none.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker cannot be asked now
   */
  Optional<TicketRef> findByIdempotencyKey(String idempotencyKey);

  /**
   * Tells the ticket that the failure happened again (a comment and the new count), rather than opening another.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker cannot be reached now
   * @throws dev.aiops.rca.port.PermanentPortException if the ticket does not exist
   */
  void recordRecurrence(TicketRef ticket, Recurrence recurrence);

  /**
   * Adds a note for people to the ticket (a comment; a work note in ServiceNow): what a remediation did, how its
   * run ended, that the incident was resolved.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker cannot be reached now
   * @throws dev.aiops.rca.port.PermanentPortException if the ticket does not exist or the note is refused
   */
  void comment(TicketRef ticket, String text);

  /**
   * Where the ticket stands: done once people (or {@link #close}) finished it.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker cannot be reached now
   * @throws dev.aiops.rca.port.PermanentPortException if the ticket does not exist
   */
  TicketState state(TicketRef ticket);

  /**
   * Finishes the ticket (Jira: its done transition; ServiceNow: Resolved, with a close code and notes), with
   * {@code note} for people in the same write, so that a retry never leaves the note twice. Closing a ticket that is
   * done already changes nothing, not even a note.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the tracker cannot be reached now
   * @throws dev.aiops.rca.port.PermanentPortException if the ticket does not exist or its workflow cannot finish it
   */
  void close(TicketRef ticket, String note);
}
