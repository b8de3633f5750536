package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketState;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves an incident: its status, the audit trail, the live views, its ticket closed with a note and its message
 * redrawn as resolved. Only the status change must succeed; what the ticket or the channel could not take is
 * returned, and a ticket left open is closed by the ticket sync later.
 */
public final class ResolveIncidentService implements ResolveIncidentUseCase {

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final IncidentUpdates updates;
  private final IncidentEvents events;
  private final Clock clock;

  public ResolveIncidentService(IncidentRepository incidents, AuditTrail audit, IncidentUpdates updates,
      IncidentEvents events, Clock clock) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ResolveIncidentResult resolve(ResolveIncidentCommand command) {
    Incident incident = incidents.find(command.incident())
        .orElseThrow(() -> new IllegalArgumentException("no incident " + command.incident()));
    if (incident.status() == IncidentStatus.RESOLVED) {
      return new ResolveIncidentResult(incident, false, List.of());
    }
    Incident resolved = markResolved(incident, command.actor(), command.reason());
    String why = command.reason().isBlank() ? "" : ": " + command.reason();
    String note = "Resolved in the RCA Assistant by " + command.actor() + why + ". A new failure with this "
        + "signature opens a new incident.";
    Optional<PortException> ticketProblem =
        updates.closeTicket(resolved, EffectKey.ticketClose(resolved.id()), note, command.actor());
    updates.redraw(resolved, IncidentMessage.resolved(resolved, command.actor(), command.reason()),
        resolved.firstRun(), command.actor(), "status RESOLVED");
    return new ResolveIncidentResult(resolved, true,
        ticketProblem.map(e -> List.of("ticket not closed: " + e.getMessage())).orElse(List.of()));
  }

  /**
   * Resolves an open incident because people finished its ticket: the tracker is the actor, and the ticket, done
   * already, is told nothing.
   */
  ResolveIncidentResult resolveFromTicket(Incident incident, TicketRef ticket, TicketState state) {
    Incident current = incidents.find(incident.id()).orElse(incident);
    if (current.status() == IncidentStatus.RESOLVED) {
      return new ResolveIncidentResult(current, false, List.of());
    }
    String reason = "ticket " + ticket.key() + " is " + state.status();
    Incident resolved = markResolved(current, ticket.system(), reason);
    updates.redraw(resolved, IncidentMessage.resolved(resolved, ticket.system(), reason), resolved.firstRun(),
        ticket.system(), "status RESOLVED");
    return new ResolveIncidentResult(resolved, true, List.of());
  }

  private Incident markResolved(Incident incident, String actor, String reason) {
    Incident resolved = incidents.changeStatus(incident.id(), IncidentStatus.RESOLVED);
    audit.append(new AuditEntry(clock.instant(), resolved.firstRun(), Optional.of(resolved.id()), actor,
        AuditAction.INCIDENT_RESOLVED, "resolved by " + actor + (reason.isBlank() ? "" : ": " + reason)));
    events.publish(new IncidentChange(resolved.id(), IncidentChange.Kind.RESOLVED, clock.instant()));
    return resolved;
  }
}
