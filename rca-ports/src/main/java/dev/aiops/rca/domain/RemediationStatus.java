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
  SKIPPED,
  /** The run that an executed remediation started has ended well. */
  RUN_SUCCEEDED,
  /** The run that an executed remediation started has failed, was cancelled, or could no longer be followed. */
  RUN_FAILED
}
