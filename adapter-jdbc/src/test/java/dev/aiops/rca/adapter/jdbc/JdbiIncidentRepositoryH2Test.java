package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.testkit.AuditTrailContract;
import dev.aiops.rca.testkit.IncidentRepositoryContract;
import dev.aiops.rca.testkit.RemediationLogContract;
import org.junit.jupiter.api.AfterEach;

/** The JDBC store on H2 passes the contracts of the three ports it implements, each test on a fresh database. */
class JdbiIncidentRepositoryH2Test
    implements IncidentRepositoryContract, AuditTrailContract, RemediationLogContract {

  private final TestDatabases databases = new TestDatabases();
  private final JdbcStore store = databases.h2();

  @Override
  public IncidentRepository subject() {
    return store.incidents();
  }

  @Override
  public IncidentRepository incidents() {
    return store.incidents();
  }

  @Override
  public AuditTrail audit() {
    return store.audit();
  }

  @Override
  public RemediationLog remediationLog() {
    return store.remediationLog();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
