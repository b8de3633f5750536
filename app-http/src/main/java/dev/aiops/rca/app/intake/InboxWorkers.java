package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.jdbc.InboxItem;
import dev.aiops.rca.adapter.jdbc.InboxStatus;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A bounded pool of workers that take deliveries from the inbox and run the pipeline on them, never on a request
 * thread. Each delivery is handled with its own id as the run's claimant, so that a delivery taken again after a
 * crash resumes rather than counting as a duplicate.
 */
public final class InboxWorkers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);
  /** Set by the metered store once a delivery's incident is known; cleared with the run after each delivery. */
  private static final String MDC_INCIDENT = "incident";
  /** How often finished deliveries older than the retention lose their bodies. */
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  /** The first pruning waits until start-up's own work is done. */
  private static final Duration PRUNE_FIRST_AFTER = Duration.ofMinutes(1);

  /**
   * How the workers run.
   *
   * @param workers how many threads
   * @param lease how long a delivery stays with its worker before another may take it; renewed while it runs
   * @param idlePoll how long an idle worker waits before it looks again, unless woken
   * @param drain how long closing waits for deliveries in progress
   * @param retention how long a finished delivery keeps its raw body (pruned hourly)
   */
  public record Settings(int workers, Duration lease, Duration idlePoll, Duration drain, Duration retention) {
    public Settings {
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException("workers must be within [1, 64], was " + workers);
      }
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(idlePoll, "idlePoll");
      Objects.requireNonNull(drain, "drain");
      Objects.requireNonNull(retention, "retention");
    }

    /** Settings that keep finished deliveries' bodies for 14 days. */
    public Settings(int workers, Duration lease, Duration idlePoll, Duration drain) {
      this(workers, lease, idlePoll, drain, Duration.ofDays(14));
    }

    public static Settings of(int workers) {
      return new Settings(workers, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public Settings withRetention(Duration newRetention) {
      return new Settings(workers, lease, idlePoll, drain, newRetention);
    }
  }

  private final JdbiInbox inbox;
  private final HandleFailureUseCase pipeline;
  private final Settings settings;
  private final String instance;
  private final Semaphore wakeUps = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  /** The deliveries being processed now, by worker: their leases are renewed until they finish. */
  private final Map<String, String> inFlight = new ConcurrentHashMap<>();
  private ScheduledExecutorService leaseKeeper;
  private volatile boolean running;

  /**
   * @param instance names this process among replicas, for the leases
   */
  public InboxWorkers(JdbiInbox inbox, HandleFailureUseCase pipeline, Settings settings, String instance) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /** Starts the workers. */
  public synchronized InboxWorkers start() {
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
    leaseKeeper.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
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
      List<InboxItem> items;
      try {
        items = inbox.take(worker, 1, settings.lease());
      } catch (PortException e) {
        LOG.warn("worker {} cannot reach the inbox: {}", worker, e.getMessage());
        idle();
        continue;
      }
      if (items.isEmpty()) {
        idle();
        continue;
      }
      items.forEach(item -> process(worker, item));
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
      int emptied = inbox.prune(settings.retention());
      if (emptied > 0) {
        LOG.info("dropped the bodies of {} deliveries finished more than {} ago", emptied, settings.retention());
      }
    } catch (PortException e) {
      LOG.warn("inbox not pruned: {}", e.getMessage());
    }
  }

  private void renewLeases() {
    inFlight.forEach((deliveryId, worker) -> {
      try {
        if (!inbox.renew(deliveryId, worker, settings.lease())) {
          LOG.warn("delivery {} is no longer leased to {}; another worker may take it", deliveryId, worker);
        }
      } catch (PortException e) {
        LOG.warn("lease of delivery {} not renewed: {}", deliveryId, e.getMessage());
      }
    });
  }

  private void process(String worker, InboxItem item) {
    MDC.put("run", item.event().run().toString());
    inFlight.put(item.deliveryId(), worker);
    try {
      HandleFailureResult result = pipeline.handle(new HandleFailureCommand(item.event(), item.deliveryId()));
      if (result instanceof HandleFailureResult.Handled handled && !handled.problems().isEmpty()) {
        // The incident is filed but a ticket or a message is missing: the delivery is tried again later, and the
        // pipeline resumes, skipping what is already done (the outbox and the tracker's idempotency key).
        settle(worker, item, new TransientPortException(String.join("; ", handled.problems()), null,
            handled.retryAfter()), true);
        return;
      }
      inbox.complete(item.deliveryId(), worker);
    } catch (PortException e) {
      settle(worker, item, e, e.isTransient());
    } catch (RuntimeException e) {
      // A bug or bad data: retrying the same input will not help; dead-letter it for a replay after a fix.
      settle(worker, item, e, false);
    } finally {
      inFlight.remove(item.deliveryId());
      MDC.remove("run");
      MDC.remove(MDC_INCIDENT);
    }
  }

  private void settle(String worker, InboxItem item, RuntimeException failure, boolean transientFailure) {
    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    try {
      // A Retry-After (Slack, Jira, Databricks throttling) outranks the inbox's own, shorter backoff.
      Duration notBefore = failure instanceof TransientPortException transientCause
          ? transientCause.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
      InboxStatus status = inbox.fail(item.deliveryId(), worker, error, transientFailure, notBefore);
      LOG.warn("delivery {} attempt {} failed ({}), now {}", item.deliveryId(), item.attempt(), error, status,
          failure);
    } catch (PortException e) {
      // The lease will expire and another attempt will follow.
      LOG.error("delivery {} failed ({}) and the failure could not be recorded: {}", item.deliveryId(), error,
          e.getMessage());
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
    for (Thread thread : stopping) {
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (thread.isAlive()) {
        LOG.warn("{} is still busy after {}; its delivery will be taken again when its lease expires",
            thread.getName(), settings.drain());
      }
    }
    if (keeper != null) {
      // Deliveries still running keep the rest of their lease; after that another process may take them.
      keeper.shutdownNow();
    }
  }
}
