package dev.aiops.rca.adapter.jdbc;

import org.junit.jupiter.api.AfterEach;

class MigrationPostgresIT implements MigrationContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  public TestDatabases databases() {
    return databases;
  }

  @Override
  public JdbcSettings freshDatabase() {
    return databases.postgresSettings();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
