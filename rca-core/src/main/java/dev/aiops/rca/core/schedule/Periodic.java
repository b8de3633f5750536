package dev.aiops.rca.core.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a round of background work every interval on one daemon thread of its own. A round that fails is logged and
 * the next one runs: a store or platform that cannot be reached now must not end the schedule. An interval of zero
 * turns the work off.
 */
public final class Periodic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

  private final String name;
  private final Duration first;
  private final Duration every;
  private final Runnable round;
  private ScheduledExecutorService scheduler;

  /**
   * @param name the thread's name, and the work's in the log
   * @param every the pause between the end of one round and the start of the next; zero for never
   */
  public Periodic(String name, Duration every, Runnable round) {
    this(name, every, every, round);
  }

  /** @param first how long after {@link #start} the first round runs, at most {@code every} */
  public Periodic(String name, Duration first, Duration every, Runnable round) {
    this.name = Objects.requireNonNull(name, "name");
    this.every = Objects.requireNonNull(every, "every");
    if (every.isNegative()) {
      throw new IllegalArgumentException("every must not be negative, was " + every);
    }
    Objects.requireNonNull(first, "first");
    this.first = first.compareTo(every) < 0 && !first.isNegative() ? first : every;
    this.round = Objects.requireNonNull(round, "round");
  }

  /** Starts the rounds, the first one {@code first} from now; does nothing when the interval is zero. */
  public synchronized Periodic start() {
    if (scheduler == null && !every.isZero()) {
      scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
      });
      scheduler.scheduleWithFixedDelay(this::runOnce, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Whether rounds are scheduled. */
  public synchronized boolean running() {
    return scheduler != null;
  }

  private void runOnce() {
    try {
      round.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed this round, tried again in {}: {}", name, every, e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
