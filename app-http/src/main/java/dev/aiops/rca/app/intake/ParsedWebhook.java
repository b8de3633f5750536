package dev.aiops.rca.app.intake;

import dev.aiops.rca.domain.FailureEvent;
import java.util.List;
import java.util.Objects;

/** What a webhook body turned out to be. */
public sealed interface ParsedWebhook permits ParsedWebhook.Failure, ParsedWebhook.Failures, ParsedWebhook.Ignored, ParsedWebhook.Rejected {

  /** A failure to handle. */
  record Failure(FailureEvent event) implements ParsedWebhook {
    public Failure {
      Objects.requireNonNull(event, "event");
    }
  }

  /** Several failures in one body (an alert whose query found several failed runs); each is stored on its own. */
  record Failures(List<FailureEvent> events) implements ParsedWebhook {
    public Failures {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty");
      }
    }
  }

  /** A well-formed event that is not a failure (a start, a success): acknowledged and dropped. */
  record Ignored(String reason) implements ParsedWebhook {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not a usable webhook: kept for inspection and answered 400. */
  record Rejected(String reason) implements ParsedWebhook {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
