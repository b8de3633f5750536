package dev.aiops.rca.spring;

import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The assistant's gauges: deliveries waiting in the inbox ({@code rca.inbox.deliveries}, status pending or dead)
 * and open incidents ({@code rca.incidents.open}); each read from the store when scraped, NaN when it cannot be.
 */
final class RcaMeterBinder implements MeterBinder {

  private static final IncidentQuery OPEN = new IncidentQuery(Optional.empty(), Optional.empty(),
      Optional.of(IncidentStatus.OPEN), Optional.empty(), 1);

  private final RcaAssistant assistant;

  RcaMeterBinder(RcaAssistant assistant) {
    this.assistant = assistant;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (DeliveryStatus status : new DeliveryStatus[] {DeliveryStatus.PENDING, DeliveryStatus.DEAD}) {
      String tag = status.name().toLowerCase(java.util.Locale.ROOT);
      Gauge.builder("rca.inbox.deliveries", assistant,
              orNaN(a -> a.deliveries().counts().getOrDefault(status, 0L)))
          .tag("status", tag).description("deliveries in the inbox by status").register(registry);
    }
    Gauge.builder("rca.incidents.open", assistant, orNaN(a -> a.incidents().count(OPEN).total()))
        .description("incidents not resolved yet").register(registry);
  }

  // A gauge that throws would break the scrape of every meter: an unreadable store shows as NaN instead.
  private static ToDoubleFunction<RcaAssistant> orNaN(ToDoubleFunction<RcaAssistant> read) {
    return a -> {
      try {
        return read.applyAsDouble(a);
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    };
  }
}
