package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;

class JdbiAuditTrailPostgresIT implements AuditTrailContract {

  private final TestDatabases databases = new TestDatabases();
  private final JdbcStore store = databases.postgres();

  @Override
  public AuditTrail subject() {
    return store.audit();
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
