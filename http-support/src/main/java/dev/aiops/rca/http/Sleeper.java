package dev.aiops.rca.http;

import java.time.Duration;

/** Waits between attempts; tests hand in one that records the waits instead. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
