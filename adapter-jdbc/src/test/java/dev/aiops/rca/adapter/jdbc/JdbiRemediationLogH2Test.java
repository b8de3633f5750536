package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.testkit.RemediationLogContract;
import org.junit.jupiter.api.AfterEach;

class JdbiRemediationLogH2Test implements RemediationLogContract {

  private final TestDatabases databases = new TestDatabases();
  private final JdbcStore store = databases.h2();

  @Override
  public RemediationLog subject() {
    return store.remediationLog();
  }

  @Override
  public IncidentRepository incidents() {
    return store.incidents();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
