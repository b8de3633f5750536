package dev.aiops.rca.adapter.jdbc;

/** The pool's contract on an in-memory H2 database. */
class PoolH2Test extends PoolContract {

  @Override
  JdbcSettings settings(TestDatabases databases) {
    return databases.h2Settings();
  }
}
