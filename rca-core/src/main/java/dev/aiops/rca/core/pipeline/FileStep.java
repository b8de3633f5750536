package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.ImpactedTasks;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.port.out.IncidentRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Files an analysed run under its signature, with its cost tags: a new incident, or an occurrence of an open one. */
final class FileStep {

  private final SignatureCalculator signatures;
  private final List<String> costTagKeys;
  private final IncidentRepository incidents;
  private final Journal journal;

  /** @param costTagKeys the run tags that are kept with a new incident as its cost tags (FinOps) */
  FileStep(SignatureCalculator signatures, List<String> costTagKeys, IncidentRepository incidents, Journal journal) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.costTagKeys = List.copyOf(Objects.requireNonNull(costTagKeys, "costTagKeys"));
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** Files the run; idempotent per run, so that a resumed delivery finds its incident again. */
  Filing file(FailureEvent event, FailedRun run, AnalyseStep.Analysed analysed) {
    // The signature comes from the rules, never from model output, so that recurrences group stably.
    ErrorSignature signature = signatures.signatureOf(run, analysed.rules());
    Filing filing = incidents.file(new IncidentDraft(event.run(), signature, event.displayName(),
        event.occurredAt(), analysed.decided(), costTags(run),
        ImpactedTasks.describe(run, analysed.rules().failedTask())));
    Incident incident = filing.incident();
    if (filing instanceof Filing.Opened) {
      journal.audit(event.run(), incident.id(), AuditAction.INCIDENT_OPENED,
          "incident " + incident.id() + " opened for signature " + signature.shortHash());
      journal.publish(incident.id(), IncidentChange.Kind.OPENED);
    } else {
      journal.audit(event.run(), incident.id(), AuditAction.OCCURRENCE_ADDED,
          "occurrence " + incident.occurrences() + " of incident " + incident.id());
      journal.publish(incident.id(), IncidentChange.Kind.RECURRED);
    }
    return filing;
  }

  /** The run's tags named in the configured cost tag keys, in their order. */
  private Map<String, String> costTags(FailedRun run) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String key : costTagKeys) {
      String value = run.tags().get(key);
      if (value != null) {
        tags.put(key, value);
      }
    }
    return tags;
  }
}
