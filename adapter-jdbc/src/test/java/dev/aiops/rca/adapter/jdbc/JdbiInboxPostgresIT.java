package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.DeliveryInboxContract;
import dev.aiops.rca.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;

class JdbiInboxPostgresIT implements DeliveryInboxContract {

  private final TestDatabases databases = new TestDatabases();
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final JdbcStore store = databases.postgres();

  @Override
  public DeliveryInbox inbox() {
    return store.inbox(clock);
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
  public MutableClock clock() {
    return clock;
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
