package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.in.AnalyzeEvidenceCommand;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.Objects;
import java.util.Optional;

/**
 * Analyses a failed run offline and shows what its ticket would say: redacted first, as the pipeline does, so that
 * no secret reaches the model or the report; then the rules, then the model when one is given. Nothing is stored,
 * filed or sent.
 */
public final class AnalyzeEvidenceService implements AnalyzeEvidenceUseCase {

  private final RuleBasedAnalyzer rules;
  private final SignatureCalculator signatures;
  private final Redactor redactor;
  private final ModelRefinement refinement;

  /** The rules alone, with the standard redaction. */
  public AnalyzeEvidenceService(RuleBasedAnalyzer rules, SignatureCalculator signatures) {
    this(rules, signatures, Redactor.standard(), Optional.empty());
  }

  public AnalyzeEvidenceService(RuleBasedAnalyzer rules, SignatureCalculator signatures, Redactor redactor,
      Optional<RootCauseModel> model) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.refinement = new ModelRefinement(rules, model);
  }

  @Override
  public AnalyzeEvidenceResult analyze(AnalyzeEvidenceCommand command) {
    FailedRun run = redactor.redact(command.run());
    RootCauseAnalysis byRules = rules.analyze(run);
    // The signature goes by the rules' analysis, as the pipeline's does: a model never decides how incidents group.
    RootCauseAnalysis decided = redactor.redact(refinement.refine(run, byRules).analysis());
    return new AnalyzeEvidenceResult(decided, signatures.signatureOf(run, byRules), RcaReport.render(run, decided));
  }
}
