package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.ModelRefinement;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Analyses a run: the rules first, then the model when one is configured, its explanation kept on the facts the
 * rules read; a model that fails, or names a category the evidence does not support ({@link ModelRefinement}),
 * leaves the rules' analysis.
 */
final class AnalyseStep {

  /**
   * A run's analyses.
   *
   * @param rules the rules' analysis, which the signature goes by: model output never decides how incidents group
   * @param decided the one analysis the incident is filed with and everything else goes by: the suggestion, the
   *     approval and the automatic run of a remediation, and the ticket's priority
   */
  record Analysed(RootCauseAnalysis rules, RootCauseAnalysis decided) {}

  private final RuleBasedAnalyzer rules;
  private final ModelRefinement refinement;
  private final Journal journal;

  AnalyseStep(RuleBasedAnalyzer rules, Optional<RootCauseModel> model, Journal journal) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.refinement = new ModelRefinement(rules, model);
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  Analysed analyse(FetchStep.Fetched fetched) {
    RootCauseAnalysis rulesResult = rules.analyze(fetched.run());
    if (fetched.degraded()) {
      rulesResult = rulesResult.withFlag(AnalysisFlag.DEGRADED_SOURCE);
    }
    return new Analysed(rulesResult, refine(fetched.run(), rulesResult));
  }

  /** The rules' analysis alone, for a run that only joins an incident another delivery files: no model call. */
  Analysed rulesOnly(FetchStep.Fetched fetched) {
    RootCauseAnalysis rulesResult = rules.analyze(fetched.run());
    return new Analysed(rulesResult, rulesResult);
  }

  private RootCauseAnalysis refine(FailedRun run, RootCauseAnalysis rulesResult) {
    RunKey key = run.event().run();
    ModelRefinement.Refined refined = refinement.refine(run, rulesResult);
    refined.failure().ifPresent(e -> journal.audit(key, AuditAction.MODEL_FALLBACK,
        "the model failed (" + Journal.describe(e) + "); the rules' analysis stands"));
    journal.audit(key, AuditAction.ANALYZED,
        summaryOf(refined.analysis()) + refined.refusal().map(reason -> "; " + reason).orElse(""));
    return refined.analysis();
  }

  private static String summaryOf(RootCauseAnalysis analysis) {
    String flags = analysis.flags().isEmpty() ? "" : " " + analysis.flags();
    return analysis.category() + " by " + analysis.analyzer() + ", confidence "
        + String.format(Locale.ROOT, "%.2f", analysis.confidence()) + flags;
  }
}
