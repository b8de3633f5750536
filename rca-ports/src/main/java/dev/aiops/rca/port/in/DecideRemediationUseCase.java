package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.RemediationOutcome;

/** Acts on a person's decision about a suggested remediation. */
@FunctionalInterface
public interface DecideRemediationUseCase {

  /**
   * Runs the remediation if approved and allowed by policy, or records the rejection.
   *
   * @throws IllegalArgumentException if the incident does not exist or has no such suggested action
   */
  RemediationOutcome decide(DecideRemediationCommand command);
}
