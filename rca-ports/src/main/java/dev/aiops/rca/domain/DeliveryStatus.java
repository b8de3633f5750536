package dev.aiops.rca.domain;

/** Where a delivery stands in the inbox. */
public enum DeliveryStatus {
  /** Waiting for a worker, or held by one under a lease. */
  PENDING,
  /** Processed. */
  DONE,
  /** Another delivery holds the run's claim; never reaches a worker. */
  DUPLICATE,
  /** Failed permanently or too often; kept with its last error until replayed. */
  DEAD,
  /** Not a usable webhook; kept with the reason for inspection. */
  REJECTED
}
