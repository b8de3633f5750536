package dev.aiops.rca.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The caller's data source contract on a schema of its own on PostgreSQL, which the caller created. */
class CallerDataSourcePostgresIT extends CallerDataSourceContract {

  @Override
  HikariDataSource callersPool() {
    JdbcSettings settings = databases.postgresSettings();
    HikariDataSource pool = pool(settings);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + settings.schema().orElseThrow());
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("cannot create the test schema", e);
    }
    return pool;
  }
}
