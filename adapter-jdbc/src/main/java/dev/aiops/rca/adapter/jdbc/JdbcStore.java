package dev.aiops.rca.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.RemediationLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the incident store, the effect log, the built-in tracker, the inbox and the sweep ledger: a
 * connection pool, the schema migrated by Flyway at open, and one way to run a transaction.
 */
public final class JdbcStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
  private static final int MAX_ATTEMPTS = 5;
  // Fail a readiness check or a request in seconds rather than hang for the default 30 s.
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final Optional<String> schema;
  /** The pool the store opened and closes; empty for a caller's data source, which the caller closes. */
  private final Optional<HikariDataSource> ownPool;
  private final Jdbi jdbi;

  private JdbcStore(HikariDataSource pool) {
    this(pool, Optional.ofNullable(pool.getSchema()), Optional.of(pool));
  }

  private JdbcStore(DataSource dataSource, Optional<String> schema, Optional<HikariDataSource> ownPool) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.ownPool = ownPool;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.registerArgument(new InstantArgumentFactory());
  }

  /**
   * Migrates the schema of a data source the caller owns (an embedding application's pool) to the latest version
   * and stores in it; {@link #close()} leaves that pool open. An H2 database must be opened with
   * {@link JdbcSettings#H2_OPTIONS}, which make it accept the same SQL as PostgreSQL.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the database cannot be reached
   * @throws dev.aiops.rca.port.PermanentPortException if the migration fails
   */
  public static JdbcStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      migrate(dataSource, Optional.empty(), null);
      return new JdbcStore(dataSource, Optional.empty(), Optional.empty());
    } catch (RuntimeException e) {
      throw SqlFailures.map("opening the given data source", e);
    }
  }

  /**
   * Opens the pool and migrates the schema to the latest version.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the database cannot be reached
   * @throws dev.aiops.rca.port.PermanentPortException if the migration fails
   */
  public static JdbcStore open(JdbcSettings settings) {
    return open(settings, CONNECTION_TIMEOUT);
  }

  /** Opens the store with a connection timeout of its own, for tests that run the pool dry. */
  static JdbcStore open(JdbcSettings settings, Duration connectionTimeout) {
    Objects.requireNonNull(settings, "settings");
    HikariDataSource dataSource = pool(settings, connectionTimeout);
    try {
      migrate(dataSource, settings.schema(), null);
      warm(dataSource, settings.poolSize());
      return new JdbcStore(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw SqlFailures.map("opening " + settings, e);
    }
  }

  /** Opens the pool on a schema as it is, for upgrade tests that write to an older version. */
  static JdbcStore openWithoutMigrating(JdbcSettings settings) {
    return new JdbcStore(pool(settings, CONNECTION_TIMEOUT));
  }

  /** The version of the latest migration applied. */
  public String schemaVersion() {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(new IncidentSearchBackfill()).schemas(schemaNames()).load().info().current().getVersion().getVersion();
  }

  private String[] schemaNames() {
    return schema.map(s -> new String[] {s}).orElseGet(() -> new String[0]);
  }

  /** Migrates the schema up to {@code target} only (such as {@code "1"}), for upgrade tests. */
  static void migrateTo(JdbcSettings settings, String target) {
    try (HikariDataSource dataSource = pool(settings, CONNECTION_TIMEOUT)) {
      migrate(dataSource, settings.schema(), target);
    }
  }

  private static HikariDataSource pool(JdbcSettings settings, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    settings.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(settings.poolSize());
    // A fixed-size pool: a burst after a quiet spell finds every connection open, instead of waiting on the
    // database's handshake for each new one while the webhooks queue behind it.
    config.setMinimumIdle(settings.poolSize());
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setPoolName("rca-store");
    config.setInitializationFailTimeout(-1);
    // Flyway creates the schema; PostgreSQL accepts a search path to a schema that does not exist yet.
    settings.schema().ifPresent(config::setSchema);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw SqlFailures.map("connecting to " + settings, e);
    }
  }

  /**
   * Opens every connection of the pool before the store is used, holding them all at once so that the pool cannot
   * hand one out twice; Hikari otherwise fills up to its minimum in the background, after the first burst began.
   */
  private static void warm(HikariDataSource dataSource, int size) {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        held.add(dataSource.getConnection());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the pool's " + size + " connections: " + e.getMessage(), e);
    } finally {
      held.forEach(JdbcStore::release);
    }
    LOG.info("database pool warmed: {} connection(s) open", size);
  }

  private static void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("releasing a warming connection failed: {}", e.getMessage());
    }
  }

  /** How many connections the pool holds open, busy or idle. */
  int openConnections() {
    return ownPool.orElseThrow().getHikariPoolMXBean().getTotalConnections();
  }

  private static void migrate(DataSource dataSource, Optional<String> schema, String target) {
    var flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new IncidentSearchBackfill())
        .failOnMissingLocations(true);
    if (schema.isPresent()) {
      flyway = flyway.schemas(schema.get()).createSchemas(true);
    }
    if (target != null) {
      flyway = flyway.target(target);
    }
    var result = flyway.load().migrate();
    LOG.info("database schema at version {} ({} migration(s) applied)", result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  /** The incident repository on this database, which is also its audit trail and remediation log. */
  public JdbiIncidentRepository incidents() {
    return new JdbiIncidentRepository(this);
  }

  /** The audit trail on this database. */
  public AuditTrail audit() {
    return incidents();
  }

  /** The remediation attempts and decisions on this database. */
  public RemediationLog remediationLog() {
    return incidents();
  }

  /** The effect log (outbox) on this database. */
  public JdbiEffectLog effects() {
    return new JdbiEffectLog(this);
  }

  /** The built-in issue tracker: tickets kept in this database. */
  public BuiltinIssueTracker builtinIssueTracker(Clock clock) {
    return new BuiltinIssueTracker(this, clock);
  }

  /** The durable webhook inbox on this database. */
  public JdbiInbox inbox(Clock clock) {
    return new JdbiInbox(this, clock);
  }

  /** The reconciliation sweep's lease and watermarks on this database. */
  public JdbiSweepLedger sweepLedger() {
    return new JdbiSweepLedger(this);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs {@code work} in one transaction, retrying it a few times when it lost a race for a unique key or hit a
   * serialization failure or deadlock; every piece of work given here is idempotent, so a retry is safe.
   */
  <T> T transaction(String operation, HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(work);
      } catch (JdbiException e) {
        boolean conflict = !(e instanceof ConnectionException)
            && (SqlFailures.isUniqueViolation(e) || SqlFailures.isTransient(SqlFailures.sqlCause(e)));
        if (!conflict || attempt >= MAX_ATTEMPTS) {
          throw SqlFailures.map(operation, e);
        }
        LOG.debug("{} conflicted (attempt {}), retrying: {}", operation, attempt, e.getMessage());
        sleepBriefly(attempt);
      }
    }
  }

  private static void sleepBriefly(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20) * (long) attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the pool the store opened; a caller's data source stays open, for the caller to close. */
  @Override
  public void close() {
    ownPool.ifPresent(HikariDataSource::close);
  }
}
