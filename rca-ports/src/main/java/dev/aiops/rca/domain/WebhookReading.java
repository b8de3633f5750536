package dev.aiops.rca.domain;

import java.util.List;
import java.util.Objects;

/** What a webhook body says, as the platform's reader understood it. */
public sealed interface WebhookReading {

  /** Failed runs named by id; each is stored and handled on its own. */
  record RunFailures(List<FailureEvent> events) implements WebhookReading {
    public RunFailures {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty");
      }
    }

    public static RunFailures of(FailureEvent event) {
      return new RunFailures(List.of(event));
    }
  }

  /** An alert that names no run: its window is stored, and expanded into failed runs later. */
  record FailuresInWindow(AlertWindow window) implements WebhookReading {
    public FailuresInWindow {
      Objects.requireNonNull(window, "window");
    }
  }

  /** An alert that resolved: acknowledged, nothing to analyse. */
  record Resolved(String detail) implements WebhookReading {
    public Resolved {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** A well-formed event that is not a failure (a start, a success): acknowledged and dropped. */
  record Ignored(String reason) implements WebhookReading {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not a usable webhook: its body is kept for inspection and the sender is told why. */
  record Unusable(String reason) implements WebhookReading {
    public Unusable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
