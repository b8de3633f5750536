package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.IncidentRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class JdbiIncidentRepositoryPostgresIT implements IncidentRepositoryContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  public IncidentRepository subject() {
    return databases.postgres().incidents();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
