package dev.aiops.rca.core.intake;

import dev.aiops.rca.core.schedule.Periodic;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciliation sweep every {@code interval} on one background thread. Every replica runs one; the lease
 * in the store lets one of them sweep per interval. The first round comes soon after start (at most
 * {@link #FIRST_ROUND_WITHIN}), so that a service back from a stop catches up on what it missed.
 */
public final class Reconciler implements AutoCloseable {

  /** The longest wait for the first round after start. */
  static final Duration FIRST_ROUND_WITHIN = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final ReconcileService reconcile;
  private final Duration interval;
  private final String holder;
  private final Periodic rounds;

  /**
   * @param interval how often to sweep ({@code RCA_RECONCILE_INTERVAL}); also how long a replica's lease lasts
   * @param holder this replica's name in the lease
   */
  public Reconciler(ReconcileService reconcile, Duration interval, String holder) {
    this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.holder = Objects.requireNonNull(holder, "holder");
    this.rounds = new Periodic("reconciler", FIRST_ROUND_WITHIN, interval, this::round);
  }

  /** Starts sweeping. */
  public Reconciler start() {
    rounds.start();
    return this;
  }

  /** Sweeps once, now, on the caller's thread, if the lease is free. */
  public void round() {
    try {
      if (reconcile.sweep(holder, interval).isEmpty()) {
        LOG.debug("reconciliation: another replica holds the lease");
      }
    } catch (RuntimeException e) {
      // A store that cannot be reached now, or a bug: the next round tries again; the schedule must survive.
      LOG.warn("reconciliation failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    rounds.close();
  }
}
