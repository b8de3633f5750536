package dev.aiops.rca.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/** Makes a fake fail on demand: the next calls throw the queued exceptions, or every call while failing always. */
public final class FailureInjector {

  private final Deque<RuntimeException> next = new ArrayDeque<>();
  private Supplier<? extends RuntimeException> always;

  /** The next call throws {@code failure}; queued failures are thrown in order, one per call. */
  public synchronized void failNext(RuntimeException failure) {
    next.add(failure);
  }

  /** Every call throws a fresh exception from {@code failure} until {@link #recover()}. */
  public synchronized void failAlways(Supplier<? extends RuntimeException> failure) {
    always = failure;
  }

  public synchronized void recover() {
    next.clear();
    always = null;
  }

  /** Throws if a failure is due. */
  public synchronized void maybeFail() {
    if (!next.isEmpty()) {
      throw next.poll();
    }
    if (always != null) {
      throw always.get();
    }
  }
}
