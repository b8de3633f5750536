package dev.aiops.rca.adapter.jdbc;

/** The store's port contracts on PostgreSQL, each test in a schema of its own. */
class JdbcStorePostgresIT extends StoreContracts {

  @Override
  JdbcStore open(TestDatabases databases) {
    return databases.postgres();
  }
}
