package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses a run: the rules first, then the model when one is configured, its explanation kept on the facts the
 * rules read; a model that fails, or names a category the evidence does not support ({@link ModelCategoryCheck}),
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
  private final ModelCategoryCheck check;
  private final Optional<RootCauseModel> model;
  private final Journal journal;

  AnalyseStep(RuleBasedAnalyzer rules, Optional<RootCauseModel> model, Journal journal) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.check = new ModelCategoryCheck(rules);
    this.model = Objects.requireNonNull(model, "model");
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
    if (model.isEmpty()) {
      journal.audit(key, AuditAction.ANALYZED, summaryOf(rulesResult));
      return rulesResult;
    }
    RootCauseAnalysis answer;
    try {
      answer = model.get().analyze(run, rulesResult);
    } catch (RuntimeException e) {
      RootCauseAnalysis fallback = rulesResult.withFlag(AnalysisFlag.MODEL_FALLBACK);
      journal.audit(key, AuditAction.MODEL_FALLBACK,
          "the model failed (" + Journal.describe(e) + "); the rules' analysis stands");
      journal.audit(key, AuditAction.ANALYZED, summaryOf(fallback));
      return fallback;
    }
    Optional<String> refusal = check.refusal(rulesResult, answer);
    if (refusal.isPresent()) {
      RootCauseAnalysis overruled = rulesResult.withFlag(AnalysisFlag.MODEL_OVERRULED);
      journal.audit(key, AuditAction.ANALYZED, summaryOf(overruled) + "; " + refusal.get());
      return overruled;
    }
    RootCauseAnalysis refined = grounded(answer, rulesResult);
    journal.audit(key, AuditAction.ANALYZED, summaryOf(refined));
    return refined;
  }

  /**
   * The model's explanation on top of the extracted facts: the root-cause line, the failed task and the evidence
   * stay those read from the platform (verbatim, and not rewritable by text inside an error message); the model
   * adds its category, summary, actions and confidence.
   */
  private static RootCauseAnalysis grounded(RootCauseAnalysis model, RootCauseAnalysis rules) {
    String line = rules.rootCauseLine().isBlank() ? model.rootCauseLine() : rules.rootCauseLine();
    String task = rules.failedTask().isBlank() ? model.failedTask() : rules.failedTask();
    List<String> evidence = rules.evidence().isEmpty() ? model.evidence() : rules.evidence();
    List<String> actions = model.recommendedActions().isEmpty() ? rules.recommendedActions()
        : model.recommendedActions();
    LinkedHashSet<Entity> entities = new LinkedHashSet<>(rules.entities());
    entities.addAll(model.entities());
    Set<AnalysisFlag> flags = EnumSet.noneOf(AnalysisFlag.class);
    flags.addAll(rules.flags());
    flags.addAll(model.flags());
    // A model that agrees with the rules keeps the rules' reason; one that disagrees decided the category itself.
    Classification classification = model.category() == rules.category() ? rules.classification()
        : new Classification(ClassificationLayer.MODEL, model.analyzer());
    return new RootCauseAnalysis(model.category(), line, task, model.summary(), evidence, actions,
        List.copyOf(entities), model.confidence(), model.analyzer(), classification, flags);
  }

  private static String summaryOf(RootCauseAnalysis analysis) {
    String flags = analysis.flags().isEmpty() ? "" : " " + analysis.flags();
    return analysis.category() + " by " + analysis.analyzer() + ", confidence "
        + String.format(Locale.ROOT, "%.2f", analysis.confidence()) + flags;
  }
}
