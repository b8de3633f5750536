package dev.aiops.rca.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The explanation of one failure.
 *
 * @param category the root-cause category
 * @param rootCauseLine the single line that states the cause, verbatim from the evidence; empty when none was found
 * @param failedTask the task or activity where the failure originated; empty when unknown
 * @param summary a few sentences for people
 * @param evidence the excerpts the analysis rests on
 * @param recommendedActions concrete next steps, most useful first
 * @param entities the concrete names found in the evidence
 * @param confidence from 0 to 1
 * @param analyzer what produced it: {@code rules}, or {@code model:<name>}
 * @param classification which classifier layer decided the category, and on what evidence
 * @param flags caveats
 */
public record RootCauseAnalysis(
    Category category,
    String rootCauseLine,
    String failedTask,
    String summary,
    List<String> evidence,
    List<String> recommendedActions,
    List<Entity> entities,
    double confidence,
    String analyzer,
    Classification classification,
    Set<AnalysisFlag> flags) {

  public RootCauseAnalysis {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rootCauseLine, "rootCauseLine");
    Objects.requireNonNull(failedTask, "failedTask");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    recommendedActions = List.copyOf(recommendedActions);
    entities = List.copyOf(entities);
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
    Objects.requireNonNull(analyzer, "analyzer");
    if (analyzer.isBlank()) {
      throw new IllegalArgumentException("analyzer must not be blank");
    }
    Objects.requireNonNull(classification, "classification");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /** The same analysis with one more caveat. */
  public RootCauseAnalysis withFlag(AnalysisFlag flag) {
    EnumSet<AnalysisFlag> more = flags.isEmpty() ? EnumSet.noneOf(AnalysisFlag.class) : EnumSet.copyOf(flags);
    more.add(flag);
    return new RootCauseAnalysis(
        category, rootCauseLine, failedTask, summary, evidence, recommendedActions, entities, confidence,
        analyzer, classification, more);
  }

  public boolean has(AnalysisFlag flag) {
    return flags.contains(flag);
  }
}
