package dev.aiops.rca.adapter.databricks;

import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import java.util.Objects;
import java.util.Optional;

/** What a Databricks webhook body says: a failure to analyse, another job event to record, or nothing usable. */
public sealed interface DatabricksWebhook {

  /**
   * A job or task failed.
   *
   * @param event the failure, keyed by the job run (the parent run for a task-level notification)
   * @param taskKey the task that failed, for a task-level notification
   */
  record Failure(FailureEvent event, Optional<String> taskKey) implements DatabricksWebhook {
    public Failure {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(taskKey, "taskKey");
    }
  }

  /** Another job event (start, success, duration warning): recorded and acknowledged, nothing to analyse. */
  record OtherEvent(String eventType, RunKey run) implements DatabricksWebhook {
    public OtherEvent {
      Objects.requireNonNull(eventType, "eventType");
      Objects.requireNonNull(run, "run");
    }
  }

  /** A body that cannot be used, with the reason to answer the sender. */
  record Rejected(String reason) implements DatabricksWebhook {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
