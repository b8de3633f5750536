package dev.aiops.rca.core.intake;

import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Settlement;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.in.ProcessDeliveryUseCase;
import dev.aiops.rca.port.out.DeliveryInbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works through the inbox: a run's delivery is handled by the pipeline (its run already claimed by the inbox), an
 * alert window is expanded into one delivery per failed run, and each delivery is settled by the retry policy —
 * done, due again after a backoff (or the wait the other side asked for), or dead for a replay after a fix.
 */
public final class ProcessDeliveryService implements ProcessDeliveryUseCase {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeliveryService.class);
  /** Set by the metered store once a delivery's incident is known; cleared with the run after each delivery. */
  private static final String MDC_INCIDENT = "incident";

  /**
   * How deliveries are processed.
   *
   * @param lease how long a delivery stays with its worker before another may take it; renewed while it runs
   * @param retention how long a finished delivery keeps its raw body
   * @param retry when a failed delivery is tried again, and when it is given up
   */
  public record Settings(Duration lease, Duration retention, RetryPolicy retry) {
    public Settings {
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(retry, "retry");
    }

    /** Five-minute leases, bodies kept 14 days, the default retry policy. */
    public static Settings defaults() {
      return new Settings(Duration.ofMinutes(5), Duration.ofDays(14), RetryPolicy.defaults());
    }
  }

  private final DeliveryInbox inbox;
  private final HandleFailureUseCase claimedRuns;
  private final AlertWindows windows;
  private final Settings settings;
  private final Clock clock;
  /** The deliveries being processed now, by worker: their leases are renewed until they finish. */
  private final Map<String, String> inFlight = new ConcurrentHashMap<>();

  /**
   * @param claimedRuns handles a run whose delivery holds its claim (the pipeline's {@code handleClaimed})
   * @param windows expands alert windows into deliveries of their failed runs
   */
  public ProcessDeliveryService(DeliveryInbox inbox, HandleFailureUseCase claimedRuns, AlertWindows windows,
      Settings settings, Clock clock) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.claimedRuns = Objects.requireNonNull(claimedRuns, "claimedRuns");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<DeliveryStatus> processNext(String worker) {
    List<DeliveryItem> taken = inbox.take(worker, 1, settings.lease());
    return taken.isEmpty() ? Optional.empty() : Optional.of(process(worker, taken.get(0)));
  }

  private DeliveryStatus process(String worker, DeliveryItem item) {
    if (settings.retry().exhaustedBy(item.attempt() - 1)) {
      LOG.warn("delivery {} gave up after {} attempts", item.deliveryId(), item.attempt() - 1);
      return inbox.settle(item.deliveryId(), worker, new Settlement.Dead("gave up after " + (item.attempt() - 1)
          + " attempts: the last attempt did not finish, its lease expired"));
    }
    if (item.report() instanceof FailureEvent event) {
      MDC.put("run", event.run().toString());
    }
    inFlight.put(item.deliveryId(), worker);
    Settlement settlement;
    try {
      settlement = handle(item);
    } catch (PortException e) {
      settlement = failed(item, e, e.isTransient());
    } catch (RuntimeException e) {
      // A bug or bad data: retrying the same input will not help; dead-letter it for a replay after a fix.
      settlement = failed(item, e, false);
    } finally {
      inFlight.remove(item.deliveryId());
      MDC.remove("run");
      MDC.remove(MDC_INCIDENT);
    }
    return inbox.settle(item.deliveryId(), worker, settlement);
  }

  private Settlement handle(DeliveryItem item) {
    if (item.report() instanceof AlertWindow window) {
      windows.expand(item.deliveryId(), window);
      return Settlement.done();
    }
    FailureEvent event = (FailureEvent) item.report();
    HandleFailureResult result = claimedRuns.handle(new HandleFailureCommand(event, item.deliveryId()));
    if (result instanceof HandleFailureResult.Handled handled && !handled.problems().isEmpty()) {
      // The incident is filed but a ticket or a message is missing: the delivery is tried again later, and the
      // pipeline resumes, skipping what is already done (the effect log and the tracker's idempotency key).
      return settlement(item, String.join("; ", handled.problems()), true, handled.retryAfter(), null);
    }
    return Settlement.done();
  }

  private Settlement failed(DeliveryItem item, RuntimeException failure, boolean transientFailure) {
    // A Retry-After (Slack, Jira, Databricks throttling) outranks the inbox's own, shorter backoff.
    Optional<Duration> asked = failure instanceof TransientPortException throttled
        ? throttled.retryAfter() : Optional.empty();
    return settlement(item, failure.getClass().getSimpleName() + ": " + failure.getMessage(), transientFailure,
        asked, failure);
  }

  /** Due again after the backoff (or the wait the other side asked for), unless permanent or out of attempts. */
  private Settlement settlement(DeliveryItem item, String error, boolean transientFailure,
      Optional<Duration> asked, Throwable cause) {
    boolean retry = transientFailure && !settings.retry().exhaustedBy(item.attempt());
    LOG.warn("delivery {} attempt {} failed ({}), {}", item.deliveryId(), item.attempt(), error,
        retry ? "to be tried again" : "dead until replayed", cause);
    if (!retry) {
      return new Settlement.Dead(error);
    }
    Duration backoff = settings.retry().backoffAfter(item.attempt());
    Duration wait = asked.filter(longer -> longer.compareTo(backoff) > 0).orElse(backoff);
    return new Settlement.RetryAt(clock.instant().plus(wait), error);
  }

  @Override
  public void renewLeases() {
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

  @Override
  public int releaseLeases() {
    int released = 0;
    for (Map.Entry<String, String> running : inFlight.entrySet()) {
      try {
        // A lease that ends now: the delivery stays pending with its attempt counted, and is due at once.
        if (inbox.renew(running.getKey(), running.getValue(), Duration.ZERO)) {
          released++;
        }
      } catch (PortException e) {
        LOG.warn("lease of delivery {} not released: {}; it is taken again when it expires", running.getKey(),
            e.getMessage());
      }
    }
    return released;
  }

  @Override
  public int prune() {
    int emptied = inbox.prune(clock.instant().minus(settings.retention()));
    if (emptied > 0) {
      LOG.info("dropped the bodies of {} deliveries finished more than {} ago", emptied, settings.retention());
    }
    return emptied;
  }
}
