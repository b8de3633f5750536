package dev.aiops.rca.bench;

import java.util.concurrent.locks.LockSupport;

/** Sends on a schedule (an open loop): each request leaves at its due time, however slow the answers are. */
final class Pacing {

  private Pacing() {}

  /** Waits until {@code dueNanos} on {@link System#nanoTime()}'s clock; returns at once when it has passed. */
  static void waitUntil(long dueNanos) {
    long wait;
    while ((wait = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
