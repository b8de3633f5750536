package dev.aiops.rca.app.config;

import dev.aiops.rca.assistant.ApiKeys;
import dev.aiops.rca.domain.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's settings, parsed and checked once.
 *
 * @param port the HTTP port ({@code RCA_PORT}, default 8000)
 * @param dataDir where the service keeps its files ({@code RCA_DATA_DIR}, default {@code ./data})
 * @param apiKey the key webhooks and API clients must present ({@code RCA_API_KEY}); when unset, {@code serve}
 *     makes one and keeps it in the data directory
 * @param database the incident database ({@code RCA_DB_URL}, {@code RCA_DB_USER}, {@code RCA_DB_PASSWORD}); empty
 *     for the embedded H2 file under the data directory
 * @param workers how many workers process the inbox ({@code RCA_WORKERS}, default 2)
 * @param inboxRetention how long a finished delivery keeps its raw body and headers ({@code RCA_INBOX_RETENTION},
 *     default 14 days); its row, which keeps a re-sent delivery a duplicate, stays
 * @param integrations the platforms, model, tracker and chat the service talks to
 * @param reconcileInterval how often the platforms are swept for failed runs whose webhook never came
 *     ({@code RCA_RECONCILE_INTERVAL}, default 10 min); zero turns the sweep off
 * @param flood how far one burst of failures may fan out: runs per webhook body, messages per minute
 * @param routing the routes file and the owner, SLA and runbook settings of on-call routing
 */
public record AppConfig(
    int port,
    Path dataDir,
    Optional<Secret> apiKey,
    Optional<DatabaseSettings> database,
    int workers,
    Duration inboxRetention,
    Integrations integrations,
    Duration reconcileInterval,
    FloodLimits flood,
    RoutingConfig routing) {

  /** How long finished deliveries keep their bodies when {@code RCA_INBOX_RETENTION} is not set. */
  public static final Duration DEFAULT_INBOX_RETENTION = Duration.ofDays(14);
  /** The fewest characters a key may have ({@code RCA_API_KEY}, {@code RCA_OPERATOR_KEY}): short ones are guessed. */
  public static final int MIN_KEY_LENGTH = ApiKeys.MIN_LENGTH;
  /** How often the platforms are swept when {@code RCA_RECONCILE_INTERVAL} is not set. */
  public static final Duration DEFAULT_RECONCILE_INTERVAL = Duration.ofMinutes(10);

  /** A JDBC database and its credentials. */
  public record DatabaseSettings(String url, String user, Optional<Secret> password) {
    public DatabaseSettings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    /** The URL with any password parameter masked, for printing. */
    public String maskedUrl() {
      return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    @Override
    public String toString() {
      return "DatabaseSettings[url=" + maskedUrl() + ", user=" + user + ", password=" + password + "]";
    }
  }

  public AppConfig {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be within [1, 65535], was " + port);
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(database, "database");
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be within [1, 64], was " + workers);
    }
    Objects.requireNonNull(inboxRetention, "inboxRetention");
    if (inboxRetention.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("inboxRetention must be at least 1 h, was " + inboxRetention);
    }
    Objects.requireNonNull(integrations, "integrations");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    if (reconcileInterval.isNegative()
        || !reconcileInterval.isZero() && reconcileInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("reconcileInterval must be zero (off) or at least 1 s, was "
          + reconcileInterval);
    }
    Objects.requireNonNull(flood, "flood");
    Objects.requireNonNull(routing, "routing");
  }

  /** The settings without a routes file: every incident to the default destinations. */
  public AppConfig(int port, Path dataDir, Optional<Secret> apiKey, Optional<DatabaseSettings> database, int workers,
      Duration inboxRetention, Integrations integrations, Duration reconcileInterval, FloodLimits flood) {
    this(port, dataDir, apiKey, database, workers, inboxRetention, integrations, reconcileInterval, flood,
        RoutingConfig.defaults());
  }

  /** The settings with the {@link FloodLimits#defaults() default flood limits}. */
  public AppConfig(int port, Path dataDir, Optional<Secret> apiKey, Optional<DatabaseSettings> database, int workers,
      Duration inboxRetention, Integrations integrations, Duration reconcileInterval) {
    this(port, dataDir, apiKey, database, workers, inboxRetention, integrations, reconcileInterval,
        FloodLimits.defaults());
  }

  /** The settings with the sweep every {@link #DEFAULT_RECONCILE_INTERVAL}. */
  public AppConfig(int port, Path dataDir, Optional<Secret> apiKey, Optional<DatabaseSettings> database, int workers,
      Duration inboxRetention, Integrations integrations) {
    this(port, dataDir, apiKey, database, workers, inboxRetention, integrations, DEFAULT_RECONCILE_INTERVAL);
  }

  /** Whether the platforms are swept for failed runs whose webhook never came. */
  public boolean reconciles() {
    return !reconcileInterval.isZero();
  }

  /** The issue tracker named by {@code ITSM_TOOL}. */
  public String itsmTool() {
    return integrations.itsmTool();
  }

  /**
   * Reads every setting and reports all problems at once.
   *
   * @throws InvalidConfigException listing every missing or invalid setting
   */
  public static AppConfig from(ConfigSource source) {
    List<String> problems = new ArrayList<>();
    SettingsReader settings = new SettingsReader(source, problems);
    int port = settings.number("RCA_PORT", 8000, 1, 65535);
    Path dataDir = Path.of(source.get("RCA_DATA_DIR").orElse("data"));

    Optional<DatabaseSettings> database = Optional.empty();
    Optional<String> url = source.get("RCA_DB_URL");
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:postgresql://") && !url.get().startsWith("jdbc:h2:")) {
        problems.add("RCA_DB_URL must be a jdbc:postgresql:// or jdbc:h2: URL, was '"
            + new DatabaseSettings(url.get(), "", Optional.empty()).maskedUrl() + "'");
      } else {
        database = Optional.of(new DatabaseSettings(url.get(), source.get("RCA_DB_USER").orElse(""),
            source.get("RCA_DB_PASSWORD").map(Secret::new)));
      }
    }
    source.get("RCA_API_KEY").flatMap(key -> ApiKeys.apiKeyProblem("RCA_API_KEY", key)).ifPresent(problems::add);
    int workers = settings.number("RCA_WORKERS", 2, 1, 64);
    Duration retention = settings.duration("RCA_INBOX_RETENTION", DEFAULT_INBOX_RETENTION);
    if (retention.compareTo(Duration.ofHours(1)) < 0) {
      problems.add("RCA_INBOX_RETENTION must be at least 1h, was '" + source.get("RCA_INBOX_RETENTION").orElse("")
          + "'");
      retention = DEFAULT_INBOX_RETENTION;
    }
    // Read by logback, not by us; a misspelt value would leave the console without an appender, so check it here.
    source.get("RCA_LOG_FORMAT").filter(format -> !format.equals("text") && !format.equals("json"))
        .ifPresent(format -> problems.add("RCA_LOG_FORMAT must be text or json, was '" + format + "'"));
    Integrations integrations = Integrations.read(source, problems);
    Duration reconcile = settings.interval("RCA_RECONCILE_INTERVAL", DEFAULT_RECONCILE_INTERVAL);
    FloodLimits flood = FloodLimits.read(settings);
    RoutingConfig routing = RoutingConfig.read(source, settings, problems);

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new AppConfig(port, dataDir, source.get("RCA_API_KEY").map(Secret::new), database, workers, retention,
        integrations, reconcile, flood, routing);
  }

  /** The settings as lines for the start-up log, secrets masked. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>(List.of(
        "RCA_PORT=" + port,
        "RCA_DATA_DIR=" + dataDir,
        "RCA_API_KEY=" + apiKey.map(Secret::toString).orElse("(not set: a key is kept in the data directory)"),
        "RCA_DB_URL=" + database.map(DatabaseSettings::maskedUrl)
            .orElse("(embedded H2 under " + dataDir + ")"),
        "RCA_DB_USER=" + database.map(DatabaseSettings::user).filter(u -> !u.isBlank()).orElse("(not set)"),
        "RCA_DB_PASSWORD=" + database.flatMap(DatabaseSettings::password).map(Secret::toString).orElse("(not set)"),
        "RCA_WORKERS=" + workers,
        "RCA_INBOX_RETENTION=" + inboxRetention.toHours() + "h",
        "RCA_RECONCILE_INTERVAL=" + (reconciles() ? reconcileInterval.toSeconds() + "s" : "0 (off)")));
    lines.addAll(flood.describe());
    lines.addAll(integrations.describe());
    lines.addAll(routing.describe());
    return lines;
  }
}
