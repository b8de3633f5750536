package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The model's answer on top of the rules' analysis, when a model is configured: a model that fails, or names a
 * category the evidence does not support ({@link ModelCategoryCheck}), leaves the rules' analysis. The pipeline and
 * the offline analysis share it, so that both decide alike.
 */
public final class ModelRefinement {

  /**
   * What the model changed.
   *
   * @param analysis the one analysis that stands
   * @param failure the model's failure, when it failed and the rules' analysis stands
   * @param refusal why the model's category was not taken, when it was not
   */
  public record Refined(RootCauseAnalysis analysis, Optional<RuntimeException> failure, Optional<String> refusal) {
    public Refined {
      Objects.requireNonNull(analysis, "analysis");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  private final ModelCategoryCheck check;
  private final Optional<RootCauseModel> model;

  public ModelRefinement(RuleBasedAnalyzer rules, Optional<RootCauseModel> model) {
    this.check = new ModelCategoryCheck(Objects.requireNonNull(rules, "rules"));
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The analysis that stands for {@code run}, given the rules' one. */
  public Refined refine(FailedRun run, RootCauseAnalysis rulesResult) {
    if (model.isEmpty()) {
      return new Refined(rulesResult, Optional.empty(), Optional.empty());
    }
    RootCauseAnalysis answer;
    try {
      answer = model.get().analyze(run, rulesResult);
    } catch (RuntimeException e) {
      return new Refined(rulesResult.withFlag(AnalysisFlag.MODEL_FALLBACK), Optional.of(e), Optional.empty());
    }
    Optional<String> refusal = check.refusal(rulesResult, answer);
    if (refusal.isPresent()) {
      return new Refined(rulesResult.withFlag(AnalysisFlag.MODEL_OVERRULED), Optional.empty(), refusal);
    }
    return new Refined(grounded(answer, rulesResult), Optional.empty(), Optional.empty());
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
}
