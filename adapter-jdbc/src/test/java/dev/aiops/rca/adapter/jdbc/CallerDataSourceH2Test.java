package dev.aiops.rca.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The caller's data source contract on an in-memory H2 database. */
class CallerDataSourceH2Test extends CallerDataSourceContract {

  @Override
  HikariDataSource callersPool() {
    return pool(databases.h2Settings());
  }
}
