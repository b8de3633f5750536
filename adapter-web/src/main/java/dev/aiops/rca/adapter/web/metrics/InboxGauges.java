package dev.aiops.rca.adapter.web.metrics;

import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The inbox's gauges: deliveries by status (the queue depth is {@code pending}), the age of the oldest pending one,
 * and the workers alive. The inbox is read once per scrape, not once per gauge.
 */
public final class InboxGauges {

  private final AtomicReference<Map<DeliveryStatus, Long>> counts =
      new AtomicReference<>(new EnumMap<>(DeliveryStatus.class));
  private final AtomicReference<Optional<Instant>> oldestPending = new AtomicReference<>(Optional.empty());
  // Held here: Micrometer keeps only a weak reference to a gauge's state, and the scrape hook keeps this object.
  private final IntSupplier aliveWorkers;

  private InboxGauges(IntSupplier aliveWorkers) {
    this.aliveWorkers = Objects.requireNonNull(aliveWorkers, "aliveWorkers");
  }

  /** Registers the gauges and reads {@code deliveries} before each scrape. */
  public static void register(ServiceMetrics metrics, ManageDeliveriesUseCase deliveries, IntSupplier aliveWorkers,
      Clock clock) {
    InboxGauges gauges = new InboxGauges(aliveWorkers);
    metrics.beforeScrape(() -> {
      gauges.counts.set(deliveries.counts());
      gauges.oldestPending.set(deliveries.oldestPending());
    });
    for (DeliveryStatus status : DeliveryStatus.values()) {
      metrics.gauge("rca.inbox.deliveries", Map.of("status", status.name().toLowerCase(Locale.ROOT)),
          "deliveries in the inbox by status; pending is the queue depth", gauges,
          g -> g.counts.get().getOrDefault(status, 0L));
    }
    metrics.gauge("rca.inbox.oldest.pending.seconds", Map.of(),
        "how long the oldest pending delivery has waited; 0 when none waits", gauges,
        g -> g.oldestPending.get().map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(0.0));
    metrics.gauge("rca.inbox.workers.alive", Map.of(), "inbox worker threads running", gauges,
        g -> g.aliveWorkers.getAsInt());
  }
}
