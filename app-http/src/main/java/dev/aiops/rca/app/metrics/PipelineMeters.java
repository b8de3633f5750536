package dev.aiops.rca.app.metrics;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.RootCauseAnalysis;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * The pipeline's meters: audit-trail steps and the outcome families the dashboards plot, and analyses by analyzer
 * and category. They go into the registry that {@code /metrics} serves. Thread-safe.
 */
public final class PipelineMeters {

  private final MeterRegistry registry;

  public PipelineMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
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
      case TICKET_REOPENED:
        registry.counter("rca.tickets", "result", "reopened").increment();
        break;
      case TICKET_UPDATED:
        registry.counter("rca.tickets", "result", "updated").increment();
        break;
      case TICKET_CLOSED:
        registry.counter("rca.tickets", "result", "closed").increment();
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

  /** Counts an analysis by what produced it ({@code rules}, {@code model:<provider>:<model>}) and its category. */
  public void analysis(RootCauseAnalysis analysis) {
    registry.counter("rca.analyses", "analyzer", analyzerLabel(analysis.analyzer()),
        "category", lower(analysis.category().name())).increment();
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
