package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.Classifier;
import dev.aiops.rca.core.classify.Verdict;
import java.util.Optional;

/** The verdict a statement stands with: its own, or the code its wrappers named when that says more. */
final class StatementVerdicts {

  private final Classifier classifier;

  StatementVerdicts(Classifier classifier) {
    this.classifier = classifier;
  }

  /**
   * The statement's own verdict, or the code its wrappers named when that says more; {@code floor} is the strength
   * the verdict has to reach (the late layers need not run when they could not).
   */
  Optional<Verdict> of(String text, String peeled, int floor) {
    Optional<Verdict> match = classifier.classify(text, floor);
    if (match.map(Verdict::strength).orElse(0) < Verdict.IDENTIFIER && !peeled.isBlank()) {
      Optional<Verdict> wrapperCode = classifier.identify(peeled);
      if (wrapperCode.isPresent()) {
        return wrapperCode;
      }
    }
    return match;
  }

  /** The verdict of the platform code the text names, if it names a known one. */
  Optional<Verdict> ofCode(String text) {
    return classifier.identify(text);
  }
}
