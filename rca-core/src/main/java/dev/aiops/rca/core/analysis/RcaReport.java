package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;

/** Renders an analysis as the text a ticket carries. */
public final class RcaReport {

  private RcaReport() {}

  public static String render(FailedRun run, RootCauseAnalysis analysis) {
    StringBuilder text = new StringBuilder();
    text.append("Job: ").append(run.event().displayName()).append('\n');
    text.append("Failed task: ").append(analysis.failedTask()).append('\n');
    text.append("Category: ").append(analysis.category()).append('\n');
    text.append("Root cause: ").append(analysis.rootCauseLine()).append('\n');
    text.append(analysis.summary()).append('\n');
    analysis.recommendedActions().forEach(a -> text.append("- ").append(a).append('\n'));
    return text.toString();
  }
}
