package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.FailedRunSource;

class InMemoryFailedRunSourceTest implements FailedRunSourceContract {
  @Override
  public FailedRunSource subject() {
    return new InMemoryFailedRunSource(Source.DATABRICKS)
        .add(Samples.databricksRun("1", "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] prod.users"));
  }

  @Override
  public FailureEvent knownFailure() {
    return Samples.databricksEvent("1");
  }

  @Override
  public FailureEvent unknownRun() {
    return Samples.databricksEvent("404");
  }
}
