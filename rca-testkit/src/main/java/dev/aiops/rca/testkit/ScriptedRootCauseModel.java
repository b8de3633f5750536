package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model that answers deterministically: the rules' analysis, re-attributed to itself with a fixed summary.
 * Records every call and fails on demand.
 */
public final class ScriptedRootCauseModel implements RootCauseModel {

  public static final String ANALYZER = "model:scripted";

  private final List<FailedRun> calls = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();

  public FailureInjector failures() {
    return failures;
  }

  @Override
  public synchronized RootCauseAnalysis analyze(FailedRun run, RootCauseAnalysis rulesResult) {
    calls.add(run);
    failures.maybeFail();
    return new RootCauseAnalysis(rulesResult.category(), rulesResult.rootCauseLine(), rulesResult.failedTask(),
        "Scripted explanation of " + run.event().displayName(), rulesResult.evidence(),
        rulesResult.recommendedActions(), rulesResult.entities(), 0.9, ANALYZER, rulesResult.classification(),
        Set.of());
  }

  public synchronized List<FailedRun> calls() {
    return List.copyOf(calls);
  }
}
