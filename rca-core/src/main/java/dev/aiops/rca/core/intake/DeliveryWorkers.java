package dev.aiops.rca.core.intake;

import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.ProcessDeliveryUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of threads that work through the inbox, never on a request thread, with a keeper that renews the
 * leases of deliveries in progress and prunes old bodies hourly.
 */
public final class DeliveryWorkers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);
  /** How often finished deliveries older than the retention lose their bodies. */
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  /** The first pruning waits until start-up's own work is done. */
  private static final Duration PRUNE_FIRST_AFTER = Duration.ofMinutes(1);

  /**
   * How the workers run.
   *
   * @param workers how many threads
   * @param lease how long a delivery stays with its worker; the keeper renews leases at a third of it
   * @param idlePoll how long an idle worker waits before it looks again, unless woken
   * @param drain how long closing waits for deliveries in progress
   */
  public record Settings(int workers, Duration lease, Duration idlePoll, Duration drain) {
    public Settings {
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException("workers must be within [1, 64], was " + workers);
      }
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(idlePoll, "idlePoll");
      Objects.requireNonNull(drain, "drain");
    }

    public static Settings of(int workers) {
      return new Settings(workers, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(30));
    }
  }

  private final ProcessDeliveryUseCase deliveries;
  private final Settings settings;
  private final String instance;
  private final Semaphore wakeUps = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private ScheduledExecutorService leaseKeeper;
  private volatile boolean running;

  /**
   * @param instance names this process among replicas, for the leases
   */
  public DeliveryWorkers(ProcessDeliveryUseCase deliveries, Settings settings, String instance) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /** Starts the workers. */
  public synchronized DeliveryWorkers start() {
    if (running) {
      return this;
    }
    running = true;
    leaseKeeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "inbox-" + instance + "-leases");
      thread.setDaemon(true);
      return thread;
    });
    // A third of the lease: two renewals may fail (a database hiccup) before another worker could take it.
    long every = Math.max(1, settings.lease().toMillis() / 3);
    leaseKeeper.scheduleWithFixedDelay(deliveries::renewLeases, every, every, TimeUnit.MILLISECONDS);
    leaseKeeper.scheduleWithFixedDelay(this::prune, PRUNE_FIRST_AFTER.toSeconds(), PRUNE_EVERY.toSeconds(),
        TimeUnit.SECONDS);
    for (int i = 1; i <= settings.workers(); i++) {
      String name = instance + "-w" + i;
      Thread thread = new Thread(() -> guarded(name), "inbox-" + name);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return this;
  }

  /** How many workers there should be. */
  public int size() {
    return settings.workers();
  }

  /** How many worker threads run now: fewer than {@link #size()} once started means some died. */
  public synchronized int alive() {
    return (int) threads.stream().filter(Thread::isAlive).count();
  }

  /** Wakes one idle worker: a delivery was just accepted. */
  public void wake() {
    if (wakeUps.availablePermits() < settings.workers()) {
      wakeUps.release();
    }
  }

  private void guarded(String worker) {
    try {
      work(worker);
    } finally {
      if (running) {
        // Only an Error gets here (the loop handles exceptions): readiness turns 503 so that the process is replaced.
        LOG.error("worker {} stopped unexpectedly; {} of {} still run", worker, alive() - 1, settings.workers());
      }
    }
  }

  private void work(String worker) {
    while (running) {
      try {
        if (deliveries.processNext(worker).isEmpty()) {
          idle();
        }
      } catch (PortException e) {
        LOG.warn("worker {} cannot reach the inbox: {}", worker, e.getMessage());
        idle();
      } catch (RuntimeException e) {
        // The delivery stays leased and is taken again when its lease expires.
        LOG.error("worker {} could not settle a delivery", worker, e);
        idle();
      }
    }
  }

  private void idle() {
    try {
      wakeUps.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void prune() {
    try {
      deliveries.prune();
    } catch (PortException e) {
      LOG.warn("inbox not pruned: {}", e.getMessage());
    }
  }

  /** Stops taking deliveries and waits a while for those in progress; unfinished ones are taken again later. */
  @Override
  public void close() {
    List<Thread> stopping;
    ScheduledExecutorService keeper;
    synchronized (this) {
      running = false;
      stopping = List.copyOf(threads);
      threads.clear();
      keeper = leaseKeeper;
      leaseKeeper = null;
    }
    wakeUps.release(stopping.size());
    long deadline = System.nanoTime() + settings.drain().toNanos();
    List<Thread> busy = new ArrayList<>();
    for (Thread thread : stopping) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (thread.isAlive()) {
        busy.add(thread);
      }
    }
    if (keeper != null) {
      // No renewal may follow the release below.
      keeper.shutdownNow();
    }
    if (!busy.isEmpty()) {
      // The process is about to go: another one takes these deliveries at once instead of after their leases.
      int released = release();
      LOG.warn("{} still busy after {}; {} deliveries released for another process to take", busy.stream()
          .map(Thread::getName).toList(), settings.drain(), released);
    }
  }

  private int release() {
    try {
      return deliveries.releaseLeases();
    } catch (RuntimeException e) {
      LOG.warn("leases not released ({}); their deliveries are taken again when the leases expire", e.getMessage());
      return 0;
    }
  }
}
