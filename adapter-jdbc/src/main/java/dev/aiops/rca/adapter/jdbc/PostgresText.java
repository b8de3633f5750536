package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.FailureReport;
import dev.aiops.rca.domain.RunKey;

/**
 * Text as PostgreSQL keeps it: it refuses NUL in text, which a JSON escape can put into any field of a webhook, and
 * an insert that fails on every attempt would answer its sender 5xx forever. NUL becomes U+FFFD on H2 as well, so
 * that both databases keep the same text.
 */
final class PostgresText {

  private static final char REPLACEMENT = '\uFFFD';

  private PostgresText() {}

  static String of(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', REPLACEMENT);
  }

  /** The report with NUL replaced in every text it carries, its run id included (the run's claim keeps it). */
  static FailureReport of(FailureReport report) {
    if (report instanceof AlertWindow window) {
      return new AlertWindow(window.source(), of(window.workspace()), window.jobName().map(PostgresText::of),
          window.taskName().map(PostgresText::of), window.windowStart(), window.windowEnd(), of(window.signal()),
          of(window.alertId()), window.firedAt(), of(window.rawPayload()), window.severity());
    }
    FailureEvent event = (FailureEvent) report;
    RunKey run = event.run().runId().value().indexOf('\0') < 0 ? event.run()
        : RunKey.of(event.run().source(), of(event.run().runId().value()));
    return new FailureEvent(run, of(event.jobId()), of(event.jobName()), of(event.workspace()), event.occurredAt(),
        event.reportedError().map(PostgresText::of), of(event.rawPayload()), event.alertSeverity());
  }
}
