package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.EffectLog;
import dev.aiops.rca.testkit.EffectLogContract;
import org.junit.jupiter.api.AfterEach;

class JdbiEffectLogPostgresIT implements EffectLogContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  public EffectLog subject() {
    return databases.postgres().effects();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
