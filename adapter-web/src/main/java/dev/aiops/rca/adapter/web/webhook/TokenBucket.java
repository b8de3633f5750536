package dev.aiops.rca.adapter.web.webhook;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: refilled continuously at a rate, holding at most a burst; a charge after the fact may leave it in
 * debt, which the refill pays before anything else is taken. Thread-safe.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratePerNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  /** @param nanoTime a monotonic clock, {@code System::nanoTime} outside tests */
  TokenBucket(int ratePerSecond, int burst, LongSupplier nanoTime) {
    this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
    this.capacity = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /**
   * Takes a token if there is one.
   *
   * @return {@link Duration#ZERO} when a token was taken, else how long until the next one
   */
  synchronized Duration take() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerNano));
  }

  /** Takes {@code count} more tokens, whether or not there are that many: work already let in is paid for later. */
  synchronized void charge(int count) {
    refill();
    tokens -= count;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
    refilledAt = now;
  }
}
