package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.FailureImpact;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.routing.RoutingFacts;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.port.out.IncidentRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Files an analysed run under its signature, with its cost tags: a new incident, routed and prioritised, or an
 * occurrence of an open one, whose priority may rise.
 */
final class FileStep {

  private final SignatureCalculator signatures;
  private final List<String> costTagKeys;
  private final IncidentRepository incidents;
  private final Journal journal;
  private final RoutingService routing;

  /** Where a run was filed, and whether its incident became more urgent with it. */
  record Filed(Filing filing, boolean priorityRaised) {
    Filed {
      Objects.requireNonNull(filing, "filing");
    }
  }

  /** @param costTagKeys the run tags that are kept with a new incident as its cost tags (FinOps) */
  FileStep(SignatureCalculator signatures, List<String> costTagKeys, IncidentRepository incidents, Journal journal,
      RoutingService routing) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.costTagKeys = List.copyOf(Objects.requireNonNull(costTagKeys, "costTagKeys"));
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.routing = Objects.requireNonNull(routing, "routing");
  }

  /**
   * Files the run under the innermost run of its failure chain, so that every delivery of one chain (a parent
   * pipeline's alert and its child's, an ADF activity's and its Databricks run's) files the same run; idempotent
   * per run, so that a resumed delivery finds its incident again.
   */
  Filed file(FailureEvent event, FailedRun run, AnalyseStep.Analysed analysed) {
    Filing filing = draft(event, run, analysed);
    ErrorSignature signature = filing.incident().signature();
    Incident incident = filing.incident();
    RoutingFacts facts = RoutingFacts.of(event, run, incident.analysis(), incident.occurrences());
    if (filing instanceof Filing.Opened) {
      // A resumed delivery finds the incident assigned already: it keeps the assignment people were told of.
      if (incident.assignment().equals(Assignment.UNROUTED)) {
        incident = assign(incident, routing.assign(facts));
      }
      Assignment assigned = incident.assignment();
      journal.audit(event.run(), incident.id(), AuditAction.INCIDENT_OPENED,
          "incident " + incident.id() + " opened for signature " + signature.shortHash() + ", route "
              + assigned.route() + assigned.owner().map(owner -> ", owner " + owner).orElse("") + ", priority "
              + assigned.priority());
      journal.publish(incident.id(), IncidentChange.Kind.OPENED);
      return new Filed(new Filing.Opened(incident), false);
    }
    Assignment before = incident.assignment();
    incident = assign(incident, routing.reassess(before, facts));
    boolean raised = incident.assignment().priority().above(before.priority());
    journal.audit(event.run(), incident.id(), AuditAction.OCCURRENCE_ADDED,
        "occurrence " + incident.occurrences() + " of incident " + incident.id()
            + (raised ? "; priority raised from " + before.priority() + " to " + incident.assignment().priority()
                : ""));
    journal.publish(incident.id(), IncidentChange.Kind.RECURRED);
    return new Filed(new Filing.Recurred(incident), raised);
  }

  private Incident assign(Incident incident, Assignment assignment) {
    return assignment.equals(incident.assignment()) ? incident : incidents.assign(incident.id(), assignment);
  }

  /**
   * Files the run as {@link #file} does, with no audit entry or event of its own: for a delivery that only joins
   * the incident of its failure chain, which the delivery holding the innermost run tells about.
   */
  Incident join(FailureEvent event, FailedRun run, AnalyseStep.Analysed analysed) {
    return draft(event, run, analysed).incident();
  }

  private Filing draft(FailureEvent event, FailedRun run, AnalyseStep.Analysed analysed) {
    // The signature comes from the rules, never from model output, so that recurrences group stably.
    ErrorSignature signature = signatures.signatureOf(run, analysed.rules());
    FailureChain.Link innermost = run.chain().innermost();
    return incidents.file(new IncidentDraft(innermost.run(), signature, innermost.displayName(),
        event.occurredAt(), analysed.decided(), costTags(run),
        FailureImpact.of(run, analysed.rules().failedTask()), runPage(run, innermost.run())));
  }

  /**
   * The page of the run the incident is filed under: the fetched run's own page when it is that run, else the page
   * a task links for it (the Databricks run an ADF activity ran), else the fetched run's page, which still leads
   * there.
   */
  static Optional<String> runPage(FailedRun run, RunKey filedUnder) {
    if (run.event().run().equals(filedUnder)) {
      return run.runPageUrl();
    }
    String id = filedUnder.runId().value();
    return run.tasks().stream().map(TaskRun::runPageUrl).flatMap(Optional::stream)
        .filter(url -> url.contains("/" + id) || url.contains("=" + id)).findFirst()
        .or(run::runPageUrl);
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
