package dev.aiops.rca.domain;

/** How a remediation ended. */
public enum RemediationStatus {
  /** Proposed to people; waits for approval. */
  SUGGESTED,
  /** The platform accepted the request. */
  EXECUTED,
  /** The platform refused it or could not be reached. */
  FAILED,
  /** A person declined it. */
  REJECTED,
  /** The policy did not allow it. */
  SKIPPED
}
