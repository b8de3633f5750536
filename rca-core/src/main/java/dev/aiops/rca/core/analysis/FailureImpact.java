package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failure reached beyond the run where it happened, as the incident keeps it: the runs that only wrapped it
 * (a parent pipeline run, the Data Factory pipeline around a Databricks run), outermost first, then the tasks it
 * held back ({@link ImpactedTasks}). One line each; the ticket, the alert and the incident page list them.
 */
public final class FailureImpact {

  private FailureImpact() {}

  /** The wrappers, as {@code wrapped by <run>}, then the held-back tasks, as {@code <task> <state>}. */
  public static List<String> of(FailedRun run, String failedTask) {
    List<String> impact = new ArrayList<>();
    wrappers(run).forEach(wrapper -> impact.add("wrapped by " + wrapper));
    impact.addAll(ImpactedTasks.describe(run, failedTask));
    return List.copyOf(impact);
  }

  /** The runs that only wrapped the failure, outermost first, one line each: {@code adf pl_nightly, run ADF:…}. */
  static List<String> wrappers(FailedRun run) {
    return run.chain().wrappers().stream().map(FailureChain.Link::describe).toList();
  }
}
