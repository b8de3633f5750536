package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.SyncTicketsResult;
import dev.aiops.rca.port.in.SyncTicketsUseCase;
import dev.aiops.rca.port.out.EffectLog;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracker's side of resolving: an incident whose ticket people finished is resolved, and a ticket whose close
 * failed when its incident was resolved is closed again.
 *
 * <p>Only tickets of the configured tracker are asked: a ticket of another (the tracker was changed) cannot be. What
 * to ask is read from the store each round, so a restart or another replica carries on; two replicas asking at once
 * resolve an incident once, as resolving a resolved incident changes nothing.
 */
public final class TicketSyncService implements SyncTicketsUseCase {

  /** The actor of closes retried by the sync. */
  public static final String ACTOR = "ticket-sync";
  // The most incidents one round asks about (the query's limit), and the most pending effects it looks through.
  private static final int OPEN_PER_ROUND = 1000;
  private static final int PENDING_PER_ROUND = 500;
  private static final String RETRY_NOTE = "Resolved in the RCA Assistant (its audit trail says by whom and why). "
      + "A new failure with this signature opens a new incident.";

  private final IncidentRepository incidents;
  private final EffectLog effects;
  private final IssueTracker tracker;
  private final IncidentUpdates updates;
  private final ResolveIncidentService resolver;
  private final Clock clock;
  private final Duration settle;

  /**
   * @param settle how long a close stays its resolver's: one intended more recently may still be in flight, and is
   *     not tried again yet (the sync's interval is a fair choice)
   */
  public TicketSyncService(IncidentRepository incidents, EffectLog effects, IssueTracker tracker,
      IncidentUpdates updates, ResolveIncidentService resolver, Clock clock, Duration settle) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.effects = Objects.requireNonNull(effects, "effects");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settle = Objects.requireNonNull(settle, "settle");
  }

  @Override
  public SyncTicketsResult syncTickets() {
    List<IncidentId> resolved = new ArrayList<>();
    List<IncidentId> closed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      resolveDoneTickets(resolved, problems);
      closeFailedCloses(closed, problems);
    } catch (PortException e) {
      problems.add("store: " + e.getMessage()); // the store, not the tracker: the next round tries again
    }
    return new SyncTicketsResult(resolved, closed, problems);
  }

  private void resolveDoneTickets(List<IncidentId> resolved, List<String> problems) {
    List<Incident> open = incidents.list(new IncidentQuery(Optional.empty(), Optional.empty(),
        Optional.of(IncidentStatus.OPEN), Optional.empty(), OPEN_PER_ROUND));
    for (Incident incident : open) {
      Optional<TicketRef> ticket = ours(incident);
      if (ticket.isEmpty()) {
        continue;
      }
      TicketState state;
      try {
        state = tracker.state(ticket.get());
      } catch (PortException e) {
        problems.add("ticket " + ticket.get().key() + " of incident " + incident.id() + " not read: "
            + e.getMessage());
        continue;
      }
      if (state.done() && resolver.resolveFromTicket(incident, ticket.get(), state).changed()) {
        resolved.add(incident.id());
      }
    }
  }

  private void closeFailedCloses(List<IncidentId> closed, List<String> problems) {
    Instant settled = clock.instant().minus(settle);
    for (Effect effect : effects.pending(PENDING_PER_ROUND)) {
      EffectKey key = EffectKey.ticketClose(effect.incident());
      if (!effect.idempotencyKey().equals(key.value()) || effect.intendedAt().isAfter(settled)) {
        continue;
      }
      Optional<Incident> incident = incidents.find(effect.incident())
          .filter(i -> i.status() == IncidentStatus.RESOLVED && ours(i).isPresent());
      if (incident.isEmpty()) {
        continue;
      }
      Optional<PortException> failure = updates.retryClose(incident.get(), key, RETRY_NOTE, ACTOR);
      if (failure.isPresent()) {
        problems.add("ticket of incident " + effect.incident() + " not closed: " + failure.get().getMessage());
      } else {
        closed.add(effect.incident());
      }
    }
  }

  private Optional<TicketRef> ours(Incident incident) {
    return incident.ticket().filter(t -> t.system().equals(tracker.system()));
  }
}
