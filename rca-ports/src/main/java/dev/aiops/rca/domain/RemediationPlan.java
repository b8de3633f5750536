package dev.aiops.rca.domain;

import java.util.List;
import java.util.Objects;

/**
 * A remediation the service could run for an incident.
 *
 * @param incident the incident it remedies
 * @param action what to do
 * @param target the run to act on
 * @param tasks the tasks or activities concerned; empty for all failed ones
 * @param reason why the policy proposes it
 */
public record RemediationPlan(
    IncidentId incident, RemediationAction action, RunKey target, List<String> tasks, String reason) {
  public RemediationPlan {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(reason, "reason");
  }
}
