package dev.aiops.rca.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one attempt may take and how often, and how long apart, a transient failure is tried again.
 *
 * @param requestTimeout the longest a single attempt may take
 * @param maxAttempts how many attempts in all, at least 1
 * @param maxBackoff the longest wait between two attempts, also when the server asks for more
 */
public record RetryPolicy(Duration requestTimeout, int maxAttempts, Duration maxBackoff) {

  public RetryPolicy {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
