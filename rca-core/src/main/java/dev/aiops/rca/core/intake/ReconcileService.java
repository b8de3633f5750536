package dev.aiops.rca.core.intake;

import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.SweepLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the failures whose webhook never came (a deleted notification destination, a misconfigured action group,
 * the service down): lists each platform's failed runs since its last sweep and stores each run the inbox has not
 * seen as a delivery named {@code sweep:<run>}. The delivery claims its run as a webhook's would, so a run seen both
 * ways is handled once. A lease in the store makes one of several replicas sweep per interval.
 */
public final class ReconcileService {

  /** The lease the replicas take turns on. */
  public static final String LEASE = "reconcile";
  /** The actor named in the audit entries of runs the sweep found. */
  public static final String ACTOR = "reconcile";
  /**
   * Each window starts this long before the last one ended: a run can show in a platform's listing a little after
   * it ended (ADF's {@code lastUpdated} lags), and the inbox makes a run listed twice one run.
   */
  static final Duration OVERLAP = Duration.ofMinutes(15);
  /** How far back the first sweep of a platform looks; {@code backfill} reaches further. */
  static final Duration FIRST_LOOKBACK = Duration.ofHours(1);
  /** How far back a sweep catches up after a long stop; {@code backfill} reaches further. */
  static final Duration MAX_CATCH_UP = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileService.class);

  /**
   * What one sweep of one platform found.
   *
   * @param source the platform
   * @param from the window's start
   * @param to the window's end
   * @param found the failed runs listed
   * @param unannounced those no webhook (nor an earlier sweep) had brought: stored now to be handled
   * @param failure why the platform could not be listed, if it could not
   */
  public record Swept(Source source, Instant from, Instant to, int found, int unannounced, Optional<String> failure) {
    public Swept {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(failure, "failure");
    }
  }

  private final List<FailedRunSource> sources;
  private final DeliveryInbox inbox;
  private final SweepLedger ledger;
  private final AuditTrail audit;
  private final Runnable onAccepted;
  private final Consumer<Swept> onSwept;
  private final Clock clock;
  private final Redactor redactor;

  /** Stores the runs redacted by the {@linkplain Redactor#standard() standard} redactor. */
  public ReconcileService(List<FailedRunSource> sources, DeliveryInbox inbox, SweepLedger ledger, AuditTrail audit,
      Runnable onAccepted, Consumer<Swept> onSwept, Clock clock) {
    this(sources, inbox, ledger, audit, onAccepted, onSwept, clock, Redactor.standard());
  }

  /**
   * @param sources the platforms to list, each able to list its failed runs by time
   * @param onAccepted told after runs were stored, to wake the workers
   * @param onSwept told what each platform's sweep found (the metrics)
   * @param redactor redacts each listed run before it is stored, as a webhook's body is
   */
  public ReconcileService(List<FailedRunSource> sources, DeliveryInbox inbox, SweepLedger ledger, AuditTrail audit,
      Runnable onAccepted, Consumer<Swept> onSwept, Clock clock, Redactor redactor) {
    this.sources = List.copyOf(sources);
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
    this.onSwept = Objects.requireNonNull(onSwept, "onSwept");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /** The platforms it sweeps. */
  public List<Source> platforms() {
    return sources.stream().map(FailedRunSource::source).toList();
  }

  /**
   * Sweeps once if {@code holder} takes the lease for {@code interval}: each platform from where its last sweep
   * ended (less {@link #OVERLAP}) to now. A platform that cannot be listed keeps its watermark, so the next sweep
   * covers its window again.
   *
   * @return what each platform's sweep found; empty when another replica (or this one, within the interval) swept
   */
  public Optional<List<Swept>> sweep(String holder, Duration interval) {
    Instant now = clock.instant();
    if (!ledger.lease(LEASE, holder, now, now.plus(interval))) {
      return Optional.empty();
    }
    List<Swept> all = new ArrayList<>();
    for (FailedRunSource source : sources) {
      Instant from = ledger.sweptUntil(source.source()).orElse(now.minus(FIRST_LOOKBACK)).minus(OVERLAP);
      if (from.isBefore(now.minus(MAX_CATCH_UP))) {
        LOG.warn("{} was last swept before {}; sweeping the last {} days only: run backfill for more",
            source.source(), from, MAX_CATCH_UP.toDays());
        from = now.minus(MAX_CATCH_UP);
      }
      Swept swept = sweep(source, from, now);
      if (swept.failure().isEmpty()) {
        ledger.sweptUntil(source.source(), now);
      }
      all.add(swept);
    }
    return Optional.of(List.copyOf(all));
  }

  /**
   * Sweeps every platform from {@code since} to now, whatever the lease and the watermarks say (the {@code backfill}
   * command), and leaves both as they were.
   */
  public List<Swept> backfill(Instant since) {
    Instant now = clock.instant();
    if (!since.isBefore(now)) {
      throw new IllegalArgumentException("since must be before now (" + now + "), was " + since);
    }
    return sources.stream().map(source -> sweep(source, since, now)).toList();
  }

  private Swept sweep(FailedRunSource source, Instant from, Instant to) {
    Swept swept;
    try {
      List<FailureEvent> runs = source.failedRunsBetween(from, to);
      int unannounced = 0;
      for (FailureEvent run : runs) {
        unannounced += store(run) ? 1 : 0;
      }
      if (unannounced > 0) {
        onAccepted.run();
      }
      swept = new Swept(source.source(), from, to, runs.size(), unannounced, Optional.empty());
      LOG.info("reconciliation: {} failed {} run(s) from {} to {}, {} that no webhook announced", runs.size(),
          source.source(), from, to, unannounced);
    } catch (PortException e) {
      // The platform or the store is away now: the watermark stays, and the next sweep covers this window again.
      swept = new Swept(source.source(), from, to, 0, 0, Optional.of(e.getMessage()));
      LOG.warn("reconciliation: {} could not be swept from {} to {}: {}", source.source(), from, to, e.getMessage());
    }
    onSwept.accept(swept);
    return swept;
  }

  /** Stores the run's delivery unless an earlier sweep did; true if it claimed its run, which no webhook had. */
  private boolean store(FailureEvent run) {
    String deliveryId = "sweep:" + run.run();
    // Asked first so that a run listed by several overlapping windows adds no duplicate entry each time.
    if (inbox.find(deliveryId).isPresent()) {
      return false;
    }
    Instant now = clock.instant();
    IntakeResult stored = inbox.accept(new Delivery(deliveryId, redactor.redact(run), Map.of(), now));
    if (!(stored instanceof IntakeResult.Accepted)) {
      return false;
    }
    audit.append(new AuditEntry(now, run.run(), Optional.empty(), ACTOR, AuditAction.FOUND_BY_SWEEP,
        "the reconciliation sweep found this failed run on " + run.source() + "; no webhook had announced it"));
    return true;
  }
}
