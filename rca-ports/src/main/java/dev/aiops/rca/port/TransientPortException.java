package dev.aiops.rca.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A failure that a retry may cure: a timeout, a reset connection, HTTP 429 or 5xx. */
public class TransientPortException extends PortException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  public TransientPortException(String message) {
    this(message, null, Optional.empty());
  }

  public TransientPortException(String message, Throwable cause) {
    this(message, cause, Optional.empty());
  }

  /**
   * @param retryAfter how long the other side asked us to wait, when it said so
   */
  public TransientPortException(String message, Throwable cause, Optional<Duration> retryAfter) {
    super(message, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
