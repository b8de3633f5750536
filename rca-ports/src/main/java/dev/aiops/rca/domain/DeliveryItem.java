package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * A delivery taken by a worker under a lease.
 *
 * @param deliveryId the delivery, which is also the claimant of its run
 * @param report what to work on
 * @param attempt this attempt's number, from 1, counting attempts whose lease expired
 */
public record DeliveryItem(String deliveryId, FailureReport report, int attempt) {
  public DeliveryItem {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(report, "report");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
