package dev.aiops.rca.adapter.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: a private in-memory H2 database, or a schema of its own on the PostgreSQL server
 * ({@code RCA_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code RCA_TEST_PG_USER},
 * default {@code postgres}), dropped on {@link #close()}. When the server cannot be reached, PostgreSQL tests are
 * skipped with a message, unless {@code CI=true}, which makes them fail.
 */
public final class TestDatabases implements AutoCloseable {

  private final List<JdbcStore> stores = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();

  public static String postgresUrl() {
    return env("RCA_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test");
  }

  public static String postgresUser() {
    return env("RCA_TEST_PG_USER").orElse("postgres");
  }

  public static Optional<String> postgresPassword() {
    return env("RCA_TEST_PG_PASSWORD");
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** Skips the calling test when PostgreSQL is unreachable, or fails it under {@code CI=true}. */
  public static void requirePostgres() {
    try (Connection ignored = connect()) {
      return;
    } catch (SQLException e) {
      String message = "PostgreSQL at " + postgresUrl() + " as " + postgresUser() + " is unreachable ("
          + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + "; CI=true requires it", e);
      }
      Assumptions.abort(message + "; skipping the PostgreSQL tests (set CI=true to make them required)");
    }
  }

  private static Connection connect() throws SQLException {
    DriverManager.setLoginTimeout(3);
    return DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword().orElse(null));
  }

  /** A fresh, migrated in-memory H2 database. */
  public JdbcStore h2() {
    return track(JdbcStore.open(h2Settings()));
  }

  /** Settings of a fresh in-memory H2 database, not yet migrated. */
  public JdbcSettings h2Settings() {
    return JdbcSettings.h2InMemory("rca_test_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** A fresh, migrated schema of its own on PostgreSQL. */
  public JdbcStore postgres() {
    return track(JdbcStore.open(postgresSettings()));
  }

  /** Settings of a fresh schema on PostgreSQL, not yet migrated; the schema is dropped on close. */
  public JdbcSettings postgresSettings() {
    requirePostgres();
    String schema = "rca_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    synchronized (schemas) {
      schemas.add(schema);
    }
    return JdbcSettings.of(postgresUrl(), postgresUser(), postgresPassword()).withSchema(schema);
  }

  /** Keeps a store to close with the others. */
  public JdbcStore track(JdbcStore store) {
    synchronized (stores) {
      stores.add(store);
    }
    return store;
  }

  @Override
  public void close() {
    synchronized (stores) {
      stores.forEach(JdbcStore::close);
      stores.clear();
    }
    synchronized (schemas) {
      if (schemas.isEmpty()) {
        return;
      }
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        for (String schema : schemas) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop the test schemas " + schemas, e);
      }
      schemas.clear();
    }
  }
}
