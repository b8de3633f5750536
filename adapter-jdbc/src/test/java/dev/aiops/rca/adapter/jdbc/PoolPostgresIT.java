package dev.aiops.rca.adapter.jdbc;

/** The pool's contract on a schema of its own on PostgreSQL. */
class PoolPostgresIT extends PoolContract {

  @Override
  JdbcSettings settings(TestDatabases databases) {
    return databases.postgresSettings();
  }
}
