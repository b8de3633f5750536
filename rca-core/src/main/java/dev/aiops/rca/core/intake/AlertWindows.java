package dev.aiops.rca.core.intake;

import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.FailedRunSource;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an alert that names no run into the failed runs of its window: each is stored as a delivery of its own,
 * which claims its run, so that a run found by two windows (or also delivered by id) is handled once.
 */
public final class AlertWindows {

  private static final Logger LOG = LoggerFactory.getLogger(AlertWindows.class);

  private final Map<Source, FailedRunSource> sources = new EnumMap<>(Source.class);
  private final DeliveryInbox inbox;
  private final Runnable onAccepted;
  private final Clock clock;
  private final Redactor redactor;

  /** Stores the runs redacted by the {@linkplain Redactor#standard() standard} redactor. */
  public AlertWindows(List<FailedRunSource> sources, DeliveryInbox inbox, Runnable onAccepted, Clock clock) {
    this(sources, inbox, onAccepted, clock, Redactor.standard());
  }

  /**
   * @param sources the platforms that can search their runs by window
   * @param onAccepted told after a run's delivery is stored, to wake the workers
   * @param redactor redacts each run the platform listed before it is stored, as a webhook's body is
   */
  public AlertWindows(List<FailedRunSource> sources, DeliveryInbox inbox, Runnable onAccepted, Clock clock,
      Redactor redactor) {
    sources.forEach(source -> this.sources.put(source.source(), source));
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /**
   * Stores a delivery for each failed run of the window. A failure to ask the platform propagates, so the window is
   * tried again as a whole; runs stored before are duplicates then.
   *
   * @throws PermanentPortException if no source of the window's platform is configured
   */
  public void expand(String deliveryId, AlertWindow window) {
    FailedRunSource source = sources.get(window.source());
    if (source == null) {
      throw new PermanentPortException("alert " + window.alertId() + " names no run, and " + window.source()
          + " is not configured to search its runs: configure it (see the README), then replay delivery "
          + deliveryId);
    }
    // Each run found is reported with the alert's severity, which its priority is decided from.
    List<FailureEvent> runs = source.failedRunsIn(window).stream()
        .map(run -> run.alertSeverity().isPresent() ? run : run.withAlertSeverity(window.severity()))
        .toList();
    LOG.info("alert {} ({} to {}) found {} failed run(s)", window.alertId(), window.windowStart(),
        window.windowEnd(), runs.size());
    long stored = runs.stream()
        .map(run -> inbox.accept(new Delivery(deliveryId + "/" + run.run().runId(), redactor.redact(run), Map.of(),
            clock.instant())))
        .filter(IntakeResult.Accepted.class::isInstance)
        .count();
    if (stored > 0) {
      onAccepted.run();
    }
  }
}
