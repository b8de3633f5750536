package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.FailureEvent;
import java.util.Objects;

/**
 * A delivery taken by a worker under a lease.
 *
 * @param deliveryId the delivery, which is also the claimant of its run
 * @param event the failure to handle
 * @param attempt this attempt's number, from 1
 */
public record InboxItem(String deliveryId, FailureEvent event, int attempt) {
  public InboxItem {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(event, "event");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
