package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;

class InMemoryAuditTrailTest implements AuditTrailContract {

  private final InMemoryIncidentRepository store = new InMemoryIncidentRepository();

  @Override
  public AuditTrail subject() {
    return store;
  }

  @Override
  public IncidentRepository incidents() {
    return store;
  }
}
