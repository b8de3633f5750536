package dev.aiops.rca.port.in;

/**
 * Records that someone tried to decide on a remediation and may not, so that the attempt is in the incident's
 * audit trail though nothing ran. Decisions from a chat, where anyone in the channel can press a button, need it.
 */
@FunctionalInterface
public interface RefuseDecisionUseCase {

  /**
   * Appends one {@link dev.aiops.rca.domain.AuditAction#REMEDIATION_DECISION_REFUSED} entry; runs nothing.
   *
   * @throws IllegalArgumentException if the incident does not exist
   */
  void refuse(RefuseDecisionCommand command);
}
