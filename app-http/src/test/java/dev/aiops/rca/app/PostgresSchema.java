package dev.aiops.rca.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the test PostgreSQL server ({@code RCA_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code RCA_TEST_PG_USER}, default {@code postgres}), created
 * empty and dropped on close. Skips the test when the server is unreachable, unless {@code CI=true}.
 */
public final class PostgresSchema implements AutoCloseable {

  private final String baseUrl;
  private final String user;
  private final Optional<String> password;
  private final String name;

  private PostgresSchema(String baseUrl, String user, Optional<String> password, String name) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  public static PostgresSchema create() {
    String url = env("RCA_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("RCA_TEST_PG_USER").orElse("postgres");
    Optional<String> password = env("RCA_TEST_PG_PASSWORD");
    String name = "rca_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PostgresSchema schema = new PostgresSchema(url, user, password, name);
    try {
      schema.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      String message = "PostgreSQL at " + url + " as " + user + " is unreachable (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + "; CI=true requires it", e);
      }
      Assumptions.abort(message + "; skipping (set CI=true to make the PostgreSQL tests required)");
    }
    return schema;
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** The settings that point the service at this schema. */
  public Map<String, String> environment() {
    String separator = baseUrl.contains("?") ? "&" : "?";
    return password.isPresent()
        ? Map.of("RCA_DB_URL", baseUrl + separator + "currentSchema=" + name, "RCA_DB_USER", user,
            "RCA_DB_PASSWORD", password.get())
        : Map.of("RCA_DB_URL", baseUrl + separator + "currentSchema=" + name, "RCA_DB_USER", user);
  }

  /** One number from a query on this schema. */
  long count(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + name);
      try (var rs = statement.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Ends every server connection of this user that names itself {@code applicationName}, as a database restart or
   * a failover would; other connections (other tests, other people's) are left alone.
   *
   * @return how many were ended
   */
  public int terminate(String applicationName) throws SQLException {
    try (Connection connection = connect();
        var statement = connection.prepareStatement("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE usename = current_user AND application_name = ? AND pid <> pg_backend_pid()")) {
      statement.setString(1, applicationName);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    DriverManager.setLoginTimeout(3);
    return DriverManager.getConnection(baseUrl, user, password.orElse(null));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }
}
