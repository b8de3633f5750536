package dev.aiops.rca.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert that fired without naming runs (an Azure Monitor metric alert on {@code PipelineFailedRuns}): the failed
 * runs of its window are to be found on the platform.
 *
 * @param source the platform whose runs the alert counts
 * @param workspace the factory's resource id (or workspace), or its name when only that is known
 * @param jobName the pipeline or job, when the alert rule splits by it
 * @param taskName the activity or task, when the alert rule splits by it
 * @param windowStart the start of the evaluated window
 * @param windowEnd the end of the evaluated window
 * @param signal the metric, or the signal of a log alert without run ids
 * @param alertId the alert's id
 * @param firedAt when the alert fired
 * @param rawPayload the body exactly as received
 * @param severity the alert's severity, which each run found in the window is reported with
 */
public record AlertWindow(
    Source source,
    String workspace,
    Optional<String> jobName,
    Optional<String> taskName,
    Instant windowStart,
    Instant windowEnd,
    String signal,
    String alertId,
    Instant firedAt,
    String rawPayload,
    Optional<AlertSeverity> severity) implements FailureReport {

  public AlertWindow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(rawPayload, "rawPayload");
    Objects.requireNonNull(severity, "severity");
    if (windowEnd.isBefore(windowStart)) {
      throw new IllegalArgumentException("windowEnd must not be before windowStart");
    }
  }

  /** A window whose alert gave no severity. */
  public AlertWindow(Source source, String workspace, Optional<String> jobName, Optional<String> taskName,
      Instant windowStart, Instant windowEnd, String signal, String alertId, Instant firedAt, String rawPayload) {
    this(source, workspace, jobName, taskName, windowStart, windowEnd, signal, alertId, firedAt, rawPayload,
        Optional.empty());
  }

  @Override
  public Instant occurredAt() {
    return firedAt;
  }

  /**
   * Names this firing: the same alert firing delivered twice has the same key, whatever else the sender changed.
   */
  public String key() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((alertId + "@" + firedAt).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The name to show people: the pipeline, else the signal and where it was measured. */
  public String displayName() {
    return jobName.orElse(signal + " alert on " + workspace);
  }
}
