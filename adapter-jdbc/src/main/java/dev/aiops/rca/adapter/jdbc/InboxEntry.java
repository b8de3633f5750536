package dev.aiops.rca.adapter.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery as operators see it.
 *
 * @param deliveryId its id
 * @param status where it stands
 * @param run the run it reports as {@code SOURCE:run-id}, when it had one
 * @param receivedAt when it arrived
 * @param attempts how often a worker took it
 * @param lastError the last failure or the rejection reason
 */
public record InboxEntry(
    String deliveryId, InboxStatus status, Optional<String> run, Instant receivedAt, int attempts,
    Optional<String> lastError) {
  public InboxEntry {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(lastError, "lastError");
  }
}
