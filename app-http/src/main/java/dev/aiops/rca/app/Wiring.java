package dev.aiops.rca.app;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.core.analysis.AnalyzeEvidenceService;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds every adapter and service once, in dependency order, from the configuration.
 *
 * <p>This version keeps incidents, tickets and notifications in memory: they are lost when the service stops.
 */
public final class Wiring {

  private final IncidentRepository incidents;
  private final HandleFailureUseCase handleFailure;
  private final AnalyzeEvidenceUseCase analyzeEvidence;
  private final DecideRemediationUseCase decideRemediation;
  private final QueryIncidentsUseCase queryIncidents;
  private final List<String> notes;

  public Wiring(AppConfig config, Clock clock) {
    incidents = new InMemoryIncidentRepository();
    IncidentEvents events = change -> { };
    RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();
    SignatureCalculator signatures = new SignatureCalculator();
    RemediationPolicy policy = new RemediationPolicy(RemediationSettings.defaults());
    PipelinePorts ports = new PipelinePorts(Map.of(), Optional.empty(), incidents, new InMemoryIssueTracker(),
        new InMemoryNotifier(), Map.of(), events, clock);
    handleFailure = new HandleFailureService(ports, rules, signatures, policy);
    analyzeEvidence = new AnalyzeEvidenceService(rules, signatures);
    decideRemediation = new DecideRemediationService(incidents, Map.of(), policy, events, clock);
    queryIncidents = new QueryIncidentsService(incidents);
    notes = List.of(
        "store: in memory (incidents are lost at exit)",
        "analysis: rules only",
        "issue tracker: " + config.itsmTool() + " (in memory)",
        "remediation: suggest only");
  }

  public IncidentRepository incidents() {
    return incidents;
  }

  public HandleFailureUseCase handleFailure() {
    return handleFailure;
  }

  public AnalyzeEvidenceUseCase analyzeEvidence() {
    return analyzeEvidence;
  }

  public DecideRemediationUseCase decideRemediation() {
    return decideRemediation;
  }

  public QueryIncidentsUseCase queryIncidents() {
    return queryIncidents;
  }

  /** What was wired, one line each, for the start-up log. */
  public List<String> notes() {
    return notes;
  }
}
