package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure as the webhook reported it, before any enrichment.
 *
 * @param run the platform run that failed
 * @param jobId the Databricks job id or ADF pipeline name as the platform identifies it; empty when not sent
 * @param jobName the job or pipeline name for people; empty when not sent
 * @param workspace the Databricks workspace host or the ADF factory; empty when not sent
 * @param occurredAt when the failure happened, or when it was received if the payload does not say
 * @param reportedError the error text the webhook itself carried, if any
 * @param rawPayload the request body exactly as received
 * @param alertSeverity the severity of the Azure Monitor alert that reported it, when an alert did
 */
public record FailureEvent(
    RunKey run,
    String jobId,
    String jobName,
    String workspace,
    Instant occurredAt,
    Optional<String> reportedError,
    String rawPayload,
    Optional<AlertSeverity> alertSeverity) implements FailureReport {

  public FailureEvent {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(reportedError, "reportedError");
    Objects.requireNonNull(rawPayload, "rawPayload");
    Objects.requireNonNull(alertSeverity, "alertSeverity");
  }

  /** A failure no alert severity came with (a job webhook, a run found on the platform). */
  public FailureEvent(RunKey run, String jobId, String jobName, String workspace, Instant occurredAt,
      Optional<String> reportedError, String rawPayload) {
    this(run, jobId, jobName, workspace, occurredAt, reportedError, rawPayload, Optional.empty());
  }

  /** The same failure, as reported by an alert of {@code severity}. */
  public FailureEvent withAlertSeverity(Optional<AlertSeverity> severity) {
    return new FailureEvent(run, jobId, jobName, workspace, occurredAt, reportedError, rawPayload, severity);
  }

  @Override
  public Source source() {
    return run.source();
  }

  /** The name to show people: the job name, else the job id, else the run. */
  public String displayName() {
    if (!jobName.isBlank()) {
      return jobName;
    }
    return jobId.isBlank() ? run.toString() : jobId;
  }
}
