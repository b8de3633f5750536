package dev.aiops.rca.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries are retried.
 *
 * @param maxAttempts attempts before a delivery is dead, counting attempts whose lease expired
 * @param firstBackoff the wait after the first transient failure; each further failure doubles it
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be within [1, 100], was " + maxAttempts);
    }
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoff must satisfy 0 <= first <= max, was " + firstBackoff + " and "
          + maxBackoff);
    }
  }

  /** Eight attempts, from 2 seconds doubling up to 10 minutes. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(10));
  }

  /** The wait after the {@code attempts}-th failed attempt. */
  public Duration backoffAfter(int attempts) {
    Duration wait = firstBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  /** Whether the {@code attempt}-th attempt was the last one allowed. */
  public boolean exhaustedBy(int attempt) {
    return attempt >= maxAttempts;
  }
}
