package dev.aiops.rca.adapter.adf;

import dev.aiops.rca.domain.FailureEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a body posted to the ADF webhook says: failed runs named by id, an alert window to search for failed runs,
 * a resolved alert, or nothing usable.
 */
public sealed interface AdfWebhook {

  /** Failed pipeline runs named by id (a log search alert, a pipeline's own Web activity or Logic App). */
  record Failures(List<FailureEvent> events) implements AdfWebhook {
    public Failures {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty");
      }
    }
  }

  /**
   * An alert that fired without naming runs (a metric alert on {@code PipelineFailedRuns} or
   * {@code ActivityFailedRuns}): the failed runs of the window are to be found with
   * {@link AdfFailedRunSource#failedRunsIn}.
   *
   * @param factory the factory's resource id, or its name when only that is known
   * @param pipelineName the pipeline, when the rule splits by it
   * @param activityName the activity, when the rule splits by it
   * @param windowStart the start of the evaluated window
   * @param windowEnd the end of the evaluated window
   * @param metricName the metric, or the signal for a log alert without run ids
   * @param alertId the alert's id
   * @param firedAt when the alert fired
   * @param rawPayload the body exactly as received
   */
  record AlertWindow(
      String factory,
      Optional<String> pipelineName,
      Optional<String> activityName,
      Instant windowStart,
      Instant windowEnd,
      String metricName,
      String alertId,
      Instant firedAt,
      String rawPayload) implements AdfWebhook {
    public AlertWindow {
      Objects.requireNonNull(factory, "factory");
      Objects.requireNonNull(pipelineName, "pipelineName");
      Objects.requireNonNull(activityName, "activityName");
      Objects.requireNonNull(windowStart, "windowStart");
      Objects.requireNonNull(windowEnd, "windowEnd");
      Objects.requireNonNull(metricName, "metricName");
      Objects.requireNonNull(alertId, "alertId");
      Objects.requireNonNull(firedAt, "firedAt");
      Objects.requireNonNull(rawPayload, "rawPayload");
      if (windowEnd.isBefore(windowStart)) {
        throw new IllegalArgumentException("windowEnd must not be before windowStart");
      }
    }
  }

  /** An alert that resolved: recorded, nothing to analyse. */
  record Resolved(String alertId, String alertRule, Instant resolvedAt) implements AdfWebhook {
    public Resolved {
      Objects.requireNonNull(alertId, "alertId");
      Objects.requireNonNull(alertRule, "alertRule");
      Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
  }

  /** A body that cannot be used, with the reason to answer the sender. */
  record Rejected(String reason) implements AdfWebhook {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
