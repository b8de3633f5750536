package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * Where a ticket stands in its tracker, as far as the incident cares: still being worked on, or done with.
 *
 * @param done true when the tracker counts the ticket as finished (Jira status category done, ServiceNow Resolved,
 *     Closed or Canceled, a closed built-in ticket)
 * @param status the tracker's own name for the status, for people: {@code Done}, {@code Resolved} ...; not blank
 */
public record TicketState(boolean done, String status) {
  public TicketState {
    Objects.requireNonNull(status, "status");
    if (status.isBlank()) {
      throw new IllegalArgumentException("status must not be blank");
    }
  }

  public static TicketState open(String status) {
    return new TicketState(false, status);
  }

  public static TicketState done(String status) {
    return new TicketState(true, status);
  }
}
