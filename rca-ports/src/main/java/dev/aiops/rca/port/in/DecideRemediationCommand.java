package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import java.util.Objects;

/**
 * A person's decision on a remediation.
 *
 * @param incident the incident
 * @param action the suggested action decided on
 * @param approved true to run it, false to decline it
 * @param actor who decided
 */
public record DecideRemediationCommand(
    IncidentId incident, RemediationAction action, boolean approved, String actor) {
  public DecideRemediationCommand {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
  }
}
