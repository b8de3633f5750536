package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.out.FailedRunSource;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches the failed run from its platform and redacts it; a platform that cannot be asked leaves the webhook's
 * own data, flagged as degraded.
 */
final class FetchStep {

  /**
   * A fetched run, redacted.
   *
   * @param degraded whether only the webhook's own data could be used
   */
  record Fetched(FailedRun run, boolean degraded) {}

  private final Map<Source, FailedRunSource> sources;
  private final Redactor redactor;
  private final Journal journal;

  /** @param redactor cleans every fetched run before anything reads it */
  FetchStep(Map<Source, FailedRunSource> sources, Redactor redactor, Journal journal) {
    this.sources = Map.copyOf(sources);
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * The run behind the event, redacted.
   *
   * @throws RunNotFinishedException when the run is still retrying, so that the delivery is tried later
   */
  Fetched fetch(FailureEvent event) {
    Fetched fetched = fetchRaw(event);
    return new Fetched(redactor.redact(fetched.run()), fetched.degraded());
  }

  private Fetched fetchRaw(FailureEvent event) {
    FailedRunSource source = sources.get(event.source());
    if (source == null) {
      journal.audit(event.run(), AuditAction.SOURCE_UNAVAILABLE,
          "no " + event.source() + " source is configured; analysing the webhook alone");
      return new Fetched(FailedRun.fromEventOnly(event), true);
    }
    try {
      FailedRun run = source.fetch(event);
      journal.audit(event.run(), AuditAction.FETCHED, "fetched the run with " + run.tasks().size() + " task(s)");
      return new Fetched(run, false);
    } catch (RunNotFinishedException e) {
      // Not a failure yet: the delivery is retried later, when the last attempt has ended.
      journal.audit(event.run(), AuditAction.NOT_FINISHED, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // A broken adapter must not lose the failure: analyse what the webhook carried instead.
      journal.audit(event.run(), AuditAction.SOURCE_UNAVAILABLE,
          event.source() + " could not be asked (" + Journal.describe(e) + "); analysing the webhook alone");
      return new Fetched(FailedRun.fromEventOnly(event), true);
    }
  }
}
