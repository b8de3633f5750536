package dev.aiops.rca.adapter.jdbc;

import org.junit.jupiter.api.AfterEach;

class MigrationH2Test implements MigrationContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  public TestDatabases databases() {
    return databases;
  }

  @Override
  public JdbcSettings freshDatabase() {
    return databases.h2Settings();
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
