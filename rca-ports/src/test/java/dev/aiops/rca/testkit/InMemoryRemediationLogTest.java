package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;

class InMemoryRemediationLogTest implements RemediationLogContract {

  private final InMemoryIncidentRepository store = new InMemoryIncidentRepository();

  @Override
  public RemediationLog subject() {
    return store;
  }

  @Override
  public IncidentRepository incidents() {
    return store;
  }
}
