package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.IncidentRepository;

class InMemoryIncidentRepositoryTest implements IncidentRepositoryContract {
  @Override
  public IncidentRepository subject() {
    return new InMemoryIncidentRepository();
  }
}
