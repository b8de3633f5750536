package dev.aiops.rca.port;

import java.time.Duration;
import java.util.Optional;

/**
 * The run has not ended yet (it is still running, or waiting to retry a failed task): it must be looked at again
 * later, and not ticketed now, because its last attempt may still succeed.
 */
public class RunNotFinishedException extends TransientPortException {
  private static final long serialVersionUID = 1L;

  /** @param checkAgainIn when it is worth asking again */
  public RunNotFinishedException(String message, Duration checkAgainIn) {
    super(message, null, Optional.of(checkAgainIn));
  }
}
