package dev.aiops.rca.adapter.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's meters in one Prometheus registry, served at {@code /metrics}: webhooks and the inbox here, and
 * whatever the composition root registers (pipeline steps, analyses, model tokens). Thread-safe.
 */
public final class ServiceMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

  /** The registry, for meters registered elsewhere. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Counts a webhook request by source and what became of it: {@code accepted}, {@code duplicate},
   * {@code ignored}, {@code rejected}, {@code unauthorized}, {@code too_large}, {@code rate_limited},
   * {@code store_busy}, {@code store_unavailable}.
   */
  public void webhook(String source, String outcome) {
    registry.counter("rca.webhooks", "source", source, "outcome", outcome).increment();
  }

  /** Counts a webhook the intake found delivered before. */
  public void duplicateAtIntake() {
    registry.counter("rca.duplicate.deliveries", "stage", "intake").increment();
  }

  /**
   * Counts one reconciliation sweep of a platform ({@code outcome} {@code swept} or {@code failed}), the failed runs
   * it listed, and those no webhook had announced ({@code rca.reconcile.runs.unannounced}): each of those is a
   * webhook that never came.
   */
  public void swept(String source, boolean failed, int found, int unannounced) {
    registry.counter("rca.reconcile.sweeps", "source", source, "outcome", failed ? "failed" : "swept").increment();
    registry.counter("rca.reconcile.runs.found", "source", source).increment(found);
    registry.counter("rca.reconcile.runs.unannounced", "source", source).increment(unannounced);
  }

  /** Counts tokens that {@code counter} reports as a running total, per direction ({@code input}, {@code output}). */
  public <T> void tokens(T model, String direction, ToDoubleFunction<T> counter) {
    FunctionCounter.builder("rca.model.tokens", model, counter)
        .description("tokens sent to and received from the model")
        .tag("direction", direction)
        .register(registry);
  }

  /** A gauge read at each scrape. */
  public <T> void gauge(String name, Map<String, String> tags, String description, T state, ToDoubleFunction<T> value) {
    Gauge.Builder<T> builder = Gauge.builder(name, state, value).description(description);
    tags.forEach(builder::tag);
    builder.register(registry);
  }

  /** Runs {@code refresh} before each scrape, to read state (the inbox) once for several gauges. */
  public void beforeScrape(Runnable refresh) {
    beforeScrape.add(Objects.requireNonNull(refresh, "refresh"));
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    for (Runnable refresh : beforeScrape) {
      try {
        refresh.run();
      } catch (RuntimeException e) {
        // A scrape must answer even when the database does not: the gauges keep their last values.
        LOG.debug("a gauge could not be refreshed: {}", e.getMessage());
      }
    }
    return registry.scrape();
  }

  /** The content type of {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }
}
