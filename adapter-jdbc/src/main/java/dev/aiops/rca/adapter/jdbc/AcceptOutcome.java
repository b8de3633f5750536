package dev.aiops.rca.adapter.jdbc;

import java.util.Objects;

/** What the inbox did with a delivery; either way it is durable when this is returned. */
public sealed interface AcceptOutcome permits AcceptOutcome.Accepted, AcceptOutcome.Duplicate {

  String deliveryId();

  /** Stored and claimed its run: a worker will process it. */
  record Accepted(String deliveryId) implements AcceptOutcome {
    public Accepted {
      Objects.requireNonNull(deliveryId, "deliveryId");
    }
  }

  /** Received before, or its run is held by another delivery: recorded in the audit trail, not processed. */
  record Duplicate(String deliveryId, String reason) implements AcceptOutcome {
    public Duplicate {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
