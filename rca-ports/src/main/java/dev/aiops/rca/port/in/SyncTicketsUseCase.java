package dev.aiops.rca.port.in;

/** Brings incidents and their tickets together: what people closed in the tracker, and closes that failed. */
@FunctionalInterface
public interface SyncTicketsUseCase {

  /**
   * Asks the tracker once about the ticket of every open incident and resolves the incidents whose ticket is done;
   * then closes again the tickets of resolved incidents that the tracker could not take when they were resolved.
   * A tracker that cannot be reached is reported, not thrown: the next round asks again.
   */
  SyncTicketsResult syncTickets();
}
