package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;

/** The in-memory store passes the contracts of the three ports it implements. */
class InMemoryIncidentRepositoryTest implements IncidentRepositoryContract, AuditTrailContract, RemediationLogContract {

  private final InMemoryIncidentRepository store = new InMemoryIncidentRepository();

  @Override
  public IncidentRepository subject() {
    return store;
  }

  @Override
  public IncidentRepository incidents() {
    return store;
  }

  @Override
  public AuditTrail audit() {
    return store;
  }

  @Override
  public RemediationLog remediationLog() {
    return store;
  }
}
