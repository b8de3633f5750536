package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.RootCauseAnalysis;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a model's category may replace the rules' one. The incident has one analysis, and everything
 * (remediation suggested, approved or run, the ticket's priority) goes by its category; a model's answer is text
 * that an error message can steer, so it only wins where the evidence backs it:
 *
 * <ol>
 *   <li>the rules' category was not read from a documented identifier (a platform state or code, a vendor error
 *       class or code, a SQLSTATE, an exception type or an HTTP status) but from a generic phrase or nothing; and
 *   <li>a line the rules extracted from the platform (the root-cause line or an evidence line) reads as the model's
 *       category on its own, to the same classifier.
 * </ol>
 */
final class ModelCategoryCheck {

  /** The layers whose reading a model cannot overrule: each rests on an identifier the vendor documents. */
  private static final Set<ClassificationLayer> WEAK = EnumSet.of(ClassificationLayer.PHRASE, ClassificationLayer.NONE);

  private final RuleBasedAnalyzer rules;

  ModelCategoryCheck(RuleBasedAnalyzer rules) {
    this.rules = rules;
  }

  /** Why the model's category may not replace the rules' one; empty when it may or when both agree. */
  Optional<String> refusal(RootCauseAnalysis byRules, RootCauseAnalysis byModel) {
    if (byModel.category() == byRules.category()) {
      return Optional.empty();
    }
    String proposal = "the model's " + byModel.category() + " was not taken: ";
    if (!WEAK.contains(byRules.classification().layer())) {
      return Optional.of(proposal + "the rules read " + byRules.category() + " from "
          + byRules.classification().describe());
    }
    if (!rules.evidenceReadsAs(byRules, byModel.category())) {
      return Optional.of(proposal + "no line of the evidence reads as " + byModel.category());
    }
    return Optional.empty();
  }
}
