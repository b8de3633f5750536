package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery as operators see it.
 *
 * @param deliveryId its id
 * @param status where it stands
 * @param run the run it reports as {@code SOURCE:run-id}, when it names one
 * @param receivedAt when it arrived
 * @param attempts how often a worker took it
 * @param lastError the last failure or the rejection reason
 */
public record DeliveryEntry(
    String deliveryId, DeliveryStatus status, Optional<String> run, Instant receivedAt, int attempts,
    Optional<String> lastError) {
  public DeliveryEntry {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(lastError, "lastError");
  }
}
