package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.core.schedule.Periodic;
import dev.aiops.rca.port.in.SyncTicketsResult;
import dev.aiops.rca.port.in.SyncTicketsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the ticket sync every {@code interval} on one background thread; an interval of zero turns it off. */
public final class TicketSyncSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TicketSyncSchedule.class);

  private final SyncTicketsUseCase sync;
  private final Periodic rounds;

  /** @param interval how often ({@code RCA_TICKET_SYNC_INTERVAL}); zero for never, else at least 100 ms */
  public TicketSyncSchedule(SyncTicketsUseCase sync, Duration interval) {
    this.sync = Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(interval, "interval");
    if (!interval.isZero() && interval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException("interval must be zero (off) or at least 100 ms, was " + interval);
    }
    this.rounds = new Periodic("ticket-sync", interval, this::round);
  }

  /** Starts syncing, the first round after one interval (the service has just started); does nothing when off. */
  public TicketSyncSchedule start() {
    rounds.start();
    return this;
  }

  /** Syncs once, now, on the caller's thread. */
  public SyncTicketsResult round() {
    try {
      SyncTicketsResult result = sync.syncTickets();
      result.resolved().forEach(id -> LOG.info("incident {} resolved: its ticket was closed in the tracker", id));
      result.closed().forEach(id -> LOG.info("ticket of incident {} closed on a retry", id));
      result.problems().forEach(problem -> LOG.warn("ticket sync: {}", problem));
      return result;
    } catch (RuntimeException e) {
      // A bug or an unexpected failure: the next round tries again; the schedule must survive.
      LOG.warn("ticket sync failed: {}", e.toString());
      return new SyncTicketsResult(List.of(), List.of(), List.of(e.toString()));
    }
  }

  @Override
  public void close() {
    rounds.close();
  }
}
