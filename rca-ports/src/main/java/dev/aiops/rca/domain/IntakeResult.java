package dev.aiops.rca.domain;

import java.util.Objects;

/** What the intake did with a webhook, as its sender is answered. */
public sealed interface IntakeResult
    permits IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Ignored, IntakeResult.Rejected,
    IntakeResult.TooManyRuns {

  /**
   * Stored durably; a worker will process it.
   *
   * @param runs how many runs (or alert windows) the body named, each a delivery of its own
   */
  record Accepted(String deliveryId, int runs) implements IntakeResult {
    public Accepted {
      Objects.requireNonNull(deliveryId, "deliveryId");
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be positive, was " + runs);
      }
    }

    /** A delivery of one run. */
    public Accepted(String deliveryId) {
      this(deliveryId, 1);
    }
  }

  /** Stored before, or its run is handled by another delivery: recorded, not processed again. */
  record Duplicate(String deliveryId, String reason) implements IntakeResult {
    public Duplicate {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not a failure; nothing stored. */
  record Ignored(String reason) implements IntakeResult {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Names more runs than one body may: refused whole, and kept as a rejected delivery with the reason, so that one
   * body cannot fan out into unbounded incidents, tickets and messages.
   */
  record TooManyRuns(String deliveryId, int runs, int limit) implements IntakeResult {
    public TooManyRuns {
      Objects.requireNonNull(deliveryId, "deliveryId");
      if (runs <= limit) {
        throw new IllegalArgumentException("runs must exceed the limit " + limit + ", was " + runs);
      }
    }

    /** Why the body was refused, for its sender. */
    public String reason() {
      return "the body names " + runs + " runs, more than the " + limit
          + " one webhook may (RCA_MAX_RUNS_PER_WEBHOOK); send them in smaller bodies";
    }
  }

  /** Not usable; the body is kept as a rejected delivery. */
  record Rejected(String deliveryId, String reason) implements IntakeResult {
    public Rejected {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
