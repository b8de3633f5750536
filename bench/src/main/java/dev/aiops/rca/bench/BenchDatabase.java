package dev.aiops.rca.bench;

import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * The database a benchmark runs on: an H2 file in a folder of its own, or a schema of its own on the PostgreSQL
 * that {@code RCA_TEST_PG_URL} names (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code RCA_TEST_PG_USER}, default {@code postgres}), dropped at close.
 */
final class BenchDatabase implements AutoCloseable {

  private final JdbcSettings settings;
  private final Optional<String> schema;
  private final String pgUrl;
  private final String pgUser;

  private BenchDatabase(JdbcSettings settings, Optional<String> schema, String pgUrl, String pgUser) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.schema = schema;
    this.pgUrl = pgUrl;
    this.pgUser = pgUser;
  }

  /**
   * @param kind {@code postgres}, or anything else for H2
   * @param name names the schema or the folder, such as {@code storm}
   */
  static BenchDatabase open(String kind, String name, int poolSize) throws IOException {
    String pgUrl = Optional.ofNullable(System.getenv("RCA_TEST_PG_URL"))
        .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    String pgUser = Optional.ofNullable(System.getenv("RCA_TEST_PG_USER")).orElse("postgres");
    if (kind.equals("postgres")) {
      String schema = "rca_" + name + "_" + Long.toHexString(System.nanoTime());
      return new BenchDatabase(JdbcSettings.of(pgUrl, pgUser, Optional.empty()).withSchema(schema)
          .withPoolSize(poolSize), Optional.of(schema), pgUrl, pgUser);
    }
    return new BenchDatabase(JdbcSettings.h2File(Files.createTempDirectory("rca-" + name)).withPoolSize(poolSize),
        Optional.empty(), pgUrl, pgUser);
  }

  JdbcSettings settings() {
    return settings;
  }

  /** Drops the PostgreSQL schema; the H2 folder is left for inspection in the temporary directory. */
  @Override
  public void close() throws SQLException {
    if (schema.isPresent()) {
      try (Connection c = DriverManager.getConnection(pgUrl, pgUser, null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema.get() + " CASCADE");
      }
    }
  }
}
