package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.testkit.Samples;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store on a data source the caller owns (an embedding application's pool): migrated, used, never closed. */
abstract class CallerDataSourceContract {

  final TestDatabases databases = new TestDatabases();

  /** The caller's pool on a fresh database or schema. */
  abstract HikariDataSource callersPool();

  static HikariDataSource pool(JdbcSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(3);
    settings.schema().ifPresent(config::setSchema);
    return new HikariDataSource(config);
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void should_migrate_the_callers_data_source_and_store_incidents_in_it() throws Exception {
    try (HikariDataSource pool = callersPool(); JdbcStore store = JdbcStore.open(pool)) {
      store.incidents().file(Samples.draft("9001", 'a', Samples.T0));

      assertThat(store.schemaVersion()).isNotBlank();
      assertThat(store.incidents().list(IncidentQuery.all(10))).hasSize(1);
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM incidents")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void should_leave_the_callers_pool_open_when_the_store_closes() {
    try (HikariDataSource pool = callersPool()) {
      JdbcStore.open(pool).close();

      assertThat(pool.isClosed()).isFalse();
    }
  }
}
