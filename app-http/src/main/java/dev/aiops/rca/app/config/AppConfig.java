package dev.aiops.rca.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's settings, parsed and checked once.
 *
 * @param port the HTTP port ({@code RCA_PORT}, default 8000)
 * @param dataDir where the service keeps its files ({@code RCA_DATA_DIR}, default {@code ./data})
 * @param apiKey the key webhooks must present ({@code RCA_API_KEY})
 * @param databricks the Databricks workspace ({@code DATABRICKS_HOST} with {@code DATABRICKS_TOKEN}), if set
 * @param geminiApiKey the Gemini key ({@code GEMINI_API_KEY}), if set
 * @param itsmTool the issue tracker ({@code ITSM_TOOL}, default {@code builtin})
 * @param slack the Slack bot ({@code SLACK_BOT_TOKEN} with {@code SLACK_ALERT_CHANNEL}), if set
 * @param database the incident database ({@code RCA_DB_URL}, {@code RCA_DB_USER}, {@code RCA_DB_PASSWORD}); empty
 *     for the embedded H2 file under the data directory
 * @param workers how many workers process the inbox ({@code RCA_WORKERS}, default 2)
 */
public record AppConfig(
    int port,
    Path dataDir,
    Optional<Secret> apiKey,
    Optional<DatabricksSettings> databricks,
    Optional<Secret> geminiApiKey,
    String itsmTool,
    Optional<SlackSettings> slack,
    Optional<DatabaseSettings> database,
    int workers) {

  /** The issue trackers this build can use. */
  public static final List<String> ITSM_TOOLS = List.of("builtin");

  /** A Databricks workspace and its token. */
  public record DatabricksSettings(String host, Secret token) {
    public DatabricksSettings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(token, "token");
    }
  }

  /** A Slack bot and the channel it alerts. */
  public record SlackSettings(Secret botToken, String channel) {
    public SlackSettings {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(channel, "channel");
    }
  }

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
    Objects.requireNonNull(databricks, "databricks");
    Objects.requireNonNull(geminiApiKey, "geminiApiKey");
    Objects.requireNonNull(itsmTool, "itsmTool");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(database, "database");
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be within [1, 64], was " + workers);
    }
  }

  /**
   * Reads every setting and reports all problems at once.
   *
   * @throws InvalidConfigException listing every missing or invalid setting
   */
  public static AppConfig from(ConfigSource source) {
    List<String> problems = new ArrayList<>();

    int port = 8000;
    Optional<String> rawPort = source.get("RCA_PORT");
    if (rawPort.isPresent()) {
      try {
        port = Integer.parseInt(rawPort.get());
        if (port < 1 || port > 65535) {
          problems.add("RCA_PORT must be a port number from 1 to 65535, was " + rawPort.get());
          port = 8000;
        }
      } catch (NumberFormatException e) {
        problems.add("RCA_PORT must be a number, was '" + rawPort.get() + "'");
      }
    }
    Path dataDir = Path.of(source.get("RCA_DATA_DIR").orElse("data"));

    Optional<DatabricksSettings> databricks = Optional.empty();
    Optional<String[]> workspace = pair(source, "DATABRICKS_HOST", "DATABRICKS_TOKEN", problems);
    if (workspace.isPresent()) {
      String host = workspace.get()[0];
      String normalized = host.startsWith("http") ? host : "https://" + host;
      if (!normalized.matches("https?://[A-Za-z0-9.\\-]+(:\\d+)?/?")) {
        problems.add("DATABRICKS_HOST must be a workspace host such as adb-123.4.azuredatabricks.net, was '"
            + host + "'");
      } else {
        databricks = Optional.of(
            new DatabricksSettings(normalized.replaceAll("/$", ""), new Secret(workspace.get()[1])));
      }
    }

    String itsm = source.get("ITSM_TOOL").map(v -> v.toLowerCase(Locale.ROOT)).orElse("builtin");
    if (!ITSM_TOOLS.contains(itsm)) {
      problems.add("ITSM_TOOL must be one of " + ITSM_TOOLS + " in this version, was '" + itsm + "'");
    }

    Optional<SlackSettings> slack = pair(source, "SLACK_BOT_TOKEN", "SLACK_ALERT_CHANNEL", problems)
        .map(values -> new SlackSettings(new Secret(values[0]), values[1]));

    Optional<DatabaseSettings> database = Optional.empty();
    Optional<String> url = source.get("RCA_DB_URL");
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:postgresql://") && !url.get().startsWith("jdbc:h2:")) {
        problems.add("RCA_DB_URL must be a jdbc:postgresql:// or jdbc:h2: URL, was '" + url.get() + "'");
      } else {
        database = Optional.of(new DatabaseSettings(url.get(), source.get("RCA_DB_USER").orElse(""),
            source.get("RCA_DB_PASSWORD").map(Secret::new)));
      }
    }

    int workers = 2;
    Optional<String> rawWorkers = source.get("RCA_WORKERS");
    if (rawWorkers.isPresent()) {
      try {
        workers = Integer.parseInt(rawWorkers.get());
      } catch (NumberFormatException e) {
        workers = -1;
      }
      if (workers < 1 || workers > 64) {
        problems.add("RCA_WORKERS must be a number from 1 to 64, was '" + rawWorkers.get() + "'");
        workers = 2;
      }
    }

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new AppConfig(port, dataDir, source.get("RCA_API_KEY").map(Secret::new), databricks,
        source.get("GEMINI_API_KEY").map(Secret::new), itsm, slack, database, workers);
  }

  /** Two settings that go together: both values, or empty when neither is set, or a problem when one is. */
  private static Optional<String[]> pair(ConfigSource source, String first, String second, List<String> problems) {
    Optional<String> a = source.get(first);
    Optional<String> b = source.get(second);
    if (a.isPresent() != b.isPresent()) {
      String missing = a.isPresent() ? second : first;
      String present = a.isPresent() ? first : second;
      problems.add(missing + " is missing: it is needed with " + present);
      return Optional.empty();
    }
    return a.map(value -> new String[] {value, b.get()});
  }

  /** The settings as lines for the start-up log, secrets masked. */
  public List<String> describe() {
    return List.of(
        "RCA_PORT=" + port,
        "RCA_DATA_DIR=" + dataDir,
        "RCA_API_KEY=" + apiKey.map(Secret::toString).orElse("(not set)"),
        "DATABRICKS_HOST=" + databricks.map(DatabricksSettings::host).orElse("(not set)"),
        "DATABRICKS_TOKEN=" + databricks.map(d -> d.token().toString()).orElse("(not set)"),
        "GEMINI_API_KEY=" + geminiApiKey.map(Secret::toString).orElse("(not set)"),
        "ITSM_TOOL=" + itsmTool,
        "SLACK_BOT_TOKEN=" + slack.map(s -> s.botToken().toString()).orElse("(not set)"),
        "SLACK_ALERT_CHANNEL=" + slack.map(SlackSettings::channel).orElse("(not set)"),
        "RCA_DB_URL=" + database.map(DatabaseSettings::maskedUrl)
            .orElse("(embedded H2 under " + dataDir + ")"),
        "RCA_DB_USER=" + database.map(DatabaseSettings::user).filter(u -> !u.isBlank()).orElse("(not set)"),
        "RCA_DB_PASSWORD=" + database.flatMap(DatabaseSettings::password).map(Secret::toString).orElse("(not set)"),
        "RCA_WORKERS=" + workers);
  }
}
