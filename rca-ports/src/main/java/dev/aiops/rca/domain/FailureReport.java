package dev.aiops.rca.domain;

import java.time.Instant;

/**
 * What a stored delivery asks the service to work on: one failed run, or an alert window whose failed runs are
 * still to be found.
 */
public sealed interface FailureReport permits FailureEvent, AlertWindow {

  /** The platform that reported it. */
  Source source();

  /** When the failure happened, or the alert fired. */
  Instant occurredAt();

  /** The request body exactly as received. */
  String rawPayload();
}
