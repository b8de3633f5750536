package dev.aiops.rca.domain;

import java.util.Objects;

/** What the intake did with a webhook, as its sender is answered. */
public sealed interface IntakeResult
    permits IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Ignored, IntakeResult.Rejected {

  /** Stored durably; a worker will process it. */
  record Accepted(String deliveryId) implements IntakeResult {
    public Accepted {
      Objects.requireNonNull(deliveryId, "deliveryId");
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

  /** Not usable; the body is kept as a rejected delivery. */
  record Rejected(String deliveryId, String reason) implements IntakeResult {
    public Rejected {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
