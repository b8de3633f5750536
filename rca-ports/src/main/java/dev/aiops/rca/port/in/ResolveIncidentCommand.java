package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IncidentId;
import java.util.Objects;

/**
 * A request to mark an incident resolved.
 *
 * @param incident the incident
 * @param actor who resolves it: a person's name, or the service's part that found the failure cured
 * @param reason why, in a line for the ticket and the message; may be blank
 */
public record ResolveIncidentCommand(IncidentId incident, String actor, String reason) {
  public ResolveIncidentCommand {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
    reason = reason == null ? "" : reason.strip();
  }
}
