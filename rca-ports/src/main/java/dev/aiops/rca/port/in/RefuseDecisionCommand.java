package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import java.util.Objects;

/**
 * A decision on a remediation that was not taken, because the person may not decide.
 *
 * @param incident the incident
 * @param action the action they tried to approve or decline
 * @param approved whether they tried to approve (else to decline)
 * @param actor who tried, as the audit trail names them
 * @param reason why they may not, for the audit trail
 */
public record RefuseDecisionCommand(
    IncidentId incident, RemediationAction action, boolean approved, String actor, String reason) {
  public RefuseDecisionCommand {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
  }
}
