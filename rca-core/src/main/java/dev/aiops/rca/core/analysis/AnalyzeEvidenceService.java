package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.in.AnalyzeEvidenceCommand;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import java.util.Objects;

/** Analyses a failed run with the rules, offline, and shows what its ticket would say. */
public final class AnalyzeEvidenceService implements AnalyzeEvidenceUseCase {

  private final RuleBasedAnalyzer rules;
  private final SignatureCalculator signatures;

  public AnalyzeEvidenceService(RuleBasedAnalyzer rules, SignatureCalculator signatures) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  @Override
  public AnalyzeEvidenceResult analyze(AnalyzeEvidenceCommand command) {
    FailedRun run = command.run();
    RootCauseAnalysis analysis = rules.analyze(run);
    return new AnalyzeEvidenceResult(analysis, signatures.signatureOf(run, analysis), RcaReport.render(run, analysis));
  }
}
