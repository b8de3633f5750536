package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;

class JdbiInboxPostgresIT implements InboxContract {

  private final TestDatabases databases = new TestDatabases();
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");

  @Override
  public JdbcStore store() {
    return databases.postgres();
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
