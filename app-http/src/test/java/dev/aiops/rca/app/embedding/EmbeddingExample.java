package dev.aiops.rca.app.embedding;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The README's embedding example, kept here so that the build compiles it; a test checks they match. */
final class EmbeddingExample {

  private EmbeddingExample() {}

  // README:start
  static HandleFailureUseCase pipeline(IncidentRepository incidents, AuditTrail audit, RemediationLog remediationLog,
      IssueTracker tracker, Notifier notifier) {
    PipelinePorts ports = new PipelinePorts(
        Map.of(),            // no platform source: analyse what the webhook carries
        Optional.empty(),    // no model: rules only
        incidents, audit, remediationLog, tracker, notifier,
        Map.of(),            // no remediation executors: suggest only
        change -> { },       // no live view
        Clock.systemUTC());
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(RemediationSettings.defaults()));
  }

  static void onFailure(HandleFailureUseCase pipeline, FailureEvent event) {
    HandleFailureResult result = pipeline.handle(new HandleFailureCommand(event));
    if (result instanceof HandleFailureResult.Handled) {
      HandleFailureResult.Handled handled = (HandleFailureResult.Handled) result;
      System.out.println("incident " + handled.filing().incident().id() + ": "
          + handled.filing().incident().analysis().category());
    }
  }
  // README:end
}
