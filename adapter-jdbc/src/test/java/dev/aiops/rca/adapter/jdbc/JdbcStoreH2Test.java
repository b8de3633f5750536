package dev.aiops.rca.adapter.jdbc;

/** The store's port contracts on an in-memory H2 database. */
class JdbcStoreH2Test extends StoreContracts {

  @Override
  JdbcStore open(TestDatabases databases) {
    return databases.h2();
  }
}
