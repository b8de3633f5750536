package dev.aiops.rca.adapter.jdbc;

/** Where a delivery stands in the inbox. */
public enum InboxStatus {
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
