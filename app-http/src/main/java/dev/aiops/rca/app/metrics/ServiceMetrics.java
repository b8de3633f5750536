package dev.aiops.rca.app.metrics;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.RootCauseAnalysis;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's meters in one Prometheus registry: webhooks, pipeline steps, analyses, tickets, notifications,
 * remediations, model tokens and the inbox. Thread-safe.
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
   * {@code store_unavailable}.
   */
  public void webhook(String source, String outcome) {
    registry.counter("rca.webhooks", "source", source, "outcome", outcome).increment();
  }

  /** Counts one audit-trail step, and the outcome families the dashboards plot. */
  public void step(AuditAction action) {
    registry.counter("rca.pipeline.steps", "action", lower(action.name())).increment();
    switch (action) {
      case FETCHED:
        registry.counter("rca.enrichment", "result", "fetched").increment();
        break;
      case SOURCE_UNAVAILABLE:
        registry.counter("rca.enrichment", "result", "degraded").increment();
        break;
      case INCIDENT_OPENED:
        registry.counter("rca.incidents", "result", "opened").increment();
        break;
      case OCCURRENCE_ADDED:
        // A recurrence goes onto the open incident's ticket: a ticket saved.
        registry.counter("rca.incidents", "result", "recurred").increment();
        registry.counter("rca.tickets", "result", "deduplicated").increment();
        break;
      case TICKET_CREATED:
        registry.counter("rca.tickets", "result", "created").increment();
        break;
      case TICKET_UPDATED:
        registry.counter("rca.tickets", "result", "updated").increment();
        break;
      case TICKET_FAILED:
        registry.counter("rca.tickets", "result", "failed").increment();
        break;
      case NOTIFIED:
        registry.counter("rca.notifications", "result", "sent").increment();
        break;
      case NOTIFICATION_UPDATED:
        registry.counter("rca.notifications", "result", "updated").increment();
        break;
      case NOTIFICATION_FAILED:
        registry.counter("rca.notifications", "result", "failed").increment();
        break;
      case DUPLICATE_DELIVERY:
        registry.counter("rca.duplicate.deliveries", "stage", "pipeline").increment();
        break;
      case REMEDIATION_SUGGESTED:
      case REMEDIATION_APPROVED:
      case REMEDIATION_REJECTED:
      case REMEDIATION_EXECUTED:
      case REMEDIATION_FAILED:
      case REMEDIATION_SKIPPED:
      case REMEDIATION_RUN_SUCCEEDED:
      case REMEDIATION_RUN_FAILED:
        registry.counter("rca.remediations", "outcome", lower(action.name().substring("REMEDIATION_".length())))
            .increment();
        break;
      case INCIDENT_RESOLVED:
        registry.counter("rca.incidents", "result", "resolved").increment();
        break;
      default:
        break;
    }
  }

  /** Counts a webhook the intake found delivered before. */
  public void duplicateAtIntake() {
    registry.counter("rca.duplicate.deliveries", "stage", "intake").increment();
  }

  /** Counts an analysis by what produced it ({@code rules}, {@code model:<provider>:<model>}) and its category. */
  public void analysis(RootCauseAnalysis analysis) {
    registry.counter("rca.analyses", "analyzer", analyzerLabel(analysis.analyzer()),
        "category", lower(analysis.category().name())).increment();
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

  // "model:gemini:gemini-2.5-flash tokens=812+143" -> "model:gemini:gemini-2.5-flash": one series per model.
  static String analyzerLabel(String analyzer) {
    int space = analyzer.indexOf(' ');
    return space < 0 ? analyzer : analyzer.substring(0, space);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
