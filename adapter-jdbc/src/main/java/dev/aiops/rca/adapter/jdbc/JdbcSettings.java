package dev.aiops.rca.adapter.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives and how to reach it.
 *
 * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql://} URL
 * @param user the database user; may be empty for H2
 * @param password the password, if any
 * @param schema the schema to use and migrate instead of the default one (tests use one per run)
 * @param poolSize the most connections the pool opens
 */
public record JdbcSettings(String url, String user, Optional<String> password, Optional<String> schema, int poolSize) {

  /** H2 settings that make it accept the same SQL as PostgreSQL; a caller's own H2 URL must carry them. */
  public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

  public JdbcSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("url must be a jdbc:h2: or jdbc:postgresql:// URL, was '" + url + "'");
    }
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(schema, "schema");
    schema.ifPresent(s -> {
      if (!s.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("schema must be a lower-case SQL identifier, was '" + s + "'");
      }
    });
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("poolSize must be within [1, 200], was " + poolSize);
    }
  }

  /**
   * The embedded default: an H2 file {@code rca} under {@code dataDir}, created on first start. H2 does not close
   * it on JVM exit: the service's own shutdown closes it after the workers have finished what they hold.
   */
  public static JdbcSettings h2File(Path dataDir) {
    return new JdbcSettings("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rca") + H2_OPTIONS
        + ";DB_CLOSE_ON_EXIT=FALSE", "",
        Optional.empty(), Optional.empty(), 10);
  }

  /** A private in-memory H2 database that lives until the store is closed, for tests and embedding. */
  public static JdbcSettings h2InMemory(String name) {
    return new JdbcSettings("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "", Optional.empty(),
        Optional.empty(), 10);
  }

  /** A database given by URL, user and password. */
  public static JdbcSettings of(String url, String user, Optional<String> password) {
    return new JdbcSettings(url, user, password, Optional.empty(), 10);
  }

  public JdbcSettings withSchema(String newSchema) {
    return new JdbcSettings(url, user, password, Optional.of(newSchema), poolSize);
  }

  public JdbcSettings withPoolSize(int size) {
    return new JdbcSettings(url, user, password, schema, size);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  @Override
  public String toString() {
    return "JdbcSettings[url=" + url.replaceAll("(?i)(password=)[^&;]*", "$1****") + ", user=" + user
        + ", password=" + password.map(p -> "****").orElse("(none)") + ", schema=" + schema.orElse("(default)")
        + ", poolSize=" + poolSize + "]";
  }
}
