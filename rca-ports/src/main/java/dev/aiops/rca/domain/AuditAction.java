package dev.aiops.rca.domain;

/** What happened, in the audit trail. */
public enum AuditAction {
  RECEIVED,
  /** The reconciliation sweep found the failed run on its platform, and no webhook had announced it. */
  FOUND_BY_SWEEP,
  DUPLICATE_DELIVERY,
  FETCHED,
  SOURCE_UNAVAILABLE,
  /** The run has not ended yet (a failed task may be retried): looked at again later. */
  NOT_FINISHED,
  /** The run ended well after all (a retry succeeded): nothing to ticket. */
  RECOVERED,
  ANALYZED,
  MODEL_FALLBACK,
  INCIDENT_OPENED,
  OCCURRENCE_ADDED,
  TICKET_CREATED,
  /** The tracker gave a finished ticket again for a returning failure, and reopened it (Jira with JIRA_REOPEN). */
  TICKET_REOPENED,
  TICKET_UPDATED,
  TICKET_FAILED,
  /** The ticket was finished (Jira done transition, ServiceNow Resolved) because its incident was resolved. */
  TICKET_CLOSED,
  NOTIFIED,
  NOTIFICATION_UPDATED,
  NOTIFICATION_FAILED,
  REMEDIATION_SUGGESTED,
  REMEDIATION_APPROVED,
  /** Someone who may not decide on remediations tried to (a Slack user not among RCA_APPROVERS): nothing ran. */
  REMEDIATION_DECISION_REFUSED,
  REMEDIATION_REJECTED,
  REMEDIATION_EXECUTED,
  REMEDIATION_FAILED,
  REMEDIATION_SKIPPED,
  /** The run a remediation started ended well. */
  REMEDIATION_RUN_SUCCEEDED,
  /** The run a remediation started failed again. */
  REMEDIATION_RUN_FAILED,
  INCIDENT_RESOLVED,
  /** The run only wrapped a failure another delivery of its chain files (a parent pipeline run): no ticket. */
  FAILURE_CHAIN
}
