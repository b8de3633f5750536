package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.DeliveryStatus;
import java.util.Optional;

/**
 * Works through the stored deliveries: takes the next due one under a lease, handles it, and settles it as done,
 * due again after a backoff, or dead.
 */
public interface ProcessDeliveryUseCase {

  /**
   * Processes the next due delivery for {@code worker}.
   *
   * @return where the delivery was left, or empty when none was due
   * @throws dev.aiops.rca.port.TransientPortException if the inbox cannot be reached
   */
  Optional<DeliveryStatus> processNext(String worker);

  /** Extends the leases of the deliveries in progress; called at a third of the lease. */
  void renewLeases();

  /**
   * Ends the leases of the deliveries in progress now, so that another process takes them at once rather than when
   * their leases would have run out: called when this process stops while they are still running.
   *
   * @return how many leases were released
   */
  int releaseLeases();

  /**
   * Drops the bodies of deliveries finished longer ago than the retention.
   *
   * @return how many were dropped
   */
  int prune();
}
