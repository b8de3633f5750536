package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;

/** How a worker leaves a delivery it took: done, to be tried again, or dead until replayed. */
public sealed interface Settlement {

  /** Processed. */
  record Done() implements Settlement { }

  /** A transient failure: due again at {@code notBefore}. */
  record RetryAt(Instant notBefore, String error) implements Settlement {
    public RetryAt {
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(error, "error");
    }
  }

  /** A permanent failure, or too many attempts: kept with its error until an operator replays it. */
  record Dead(String error) implements Settlement {
    public Dead {
      Objects.requireNonNull(error, "error");
    }
  }

  static Settlement done() {
    return new Done();
  }
}
