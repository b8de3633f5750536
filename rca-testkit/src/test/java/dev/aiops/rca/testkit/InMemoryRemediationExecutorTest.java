package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.RemediationExecutor;
import java.util.List;

class InMemoryRemediationExecutorTest implements RemediationExecutorContract {
  @Override
  public RemediationExecutor subject() {
    return new InMemoryRemediationExecutor(Source.DATABRICKS, MutableClock.at("2026-11-26T10:00:00Z"));
  }

  @Override
  public RemediationPlan acceptedPlan() {
    return new RemediationPlan(new IncidentId(1), RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.DATABRICKS, "1"), List.of(), "transient");
  }
}
