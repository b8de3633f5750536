package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Analyses a failed run with rules alone, so that the service is useful without any model. */
public final class RuleBasedAnalyzer {

  private RuleBasedAnalyzer() {}

  public static RuleBasedAnalyzer withDefaultCatalogue() {
    return new RuleBasedAnalyzer();
  }

  public RootCauseAnalysis analyze(FailedRun run) {
    Optional<TaskRun> failed =
        run.tasks().stream().filter(t -> t.error().filter(e -> !e.isEmpty()).isPresent()).findFirst();
    String line = failed.flatMap(TaskRun::error).map(TaskError::message)
        .or(() -> run.event().reportedError()).orElse("").strip();
    String task = failed.map(TaskRun::name).orElse("");
    if (line.isEmpty()) {
      return new RootCauseAnalysis(Category.UNKNOWN, "", task,
          "insufficient evidence: collect the failed task's run output", List.of(), List.of(), List.of(), 0.1,
          "rules", EnumSet.of(AnalysisFlag.INSUFFICIENT_EVIDENCE));
    }
    return new RootCauseAnalysis(Category.UNKNOWN, line, task, line, List.of(line), List.of(), List.of(), 0.3,
        "rules", EnumSet.noneOf(AnalysisFlag.class));
  }
}
