package dev.aiops.rca.app.web;

import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.app.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's settings.
 *
 * @param adminUser the admin's name ({@code RCA_ADMIN_USER}, default {@code admin})
 * @param adminPassword the admin's password ({@code RCA_ADMIN_PASSWORD}); empty to use the users file, or to
 *     generate an admin on first start
 * @param dataDir where the users file is kept ({@code RCA_DATA_DIR}, default {@code ./data})
 * @param apiKey the key API clients present as {@code X-API-Key} or {@code Authorization: Bearer}; empty for
 *     session-only access. The composition root passes the webhook key here, generated or not
 * @param sessionIdleTimeout how long a session lives without requests ({@code RCA_SESSION_IDLE_MINUTES}, 30)
 * @param slackWorkspaceUrl the Slack workspace, such as {@code https://acme.slack.com}, to link alerts
 *     ({@code RCA_SLACK_WORKSPACE_URL}); empty to show the channel only
 */
public record DashboardSettings(
    String adminUser,
    Optional<Secret> adminPassword,
    Path dataDir,
    Optional<Secret> apiKey,
    Duration sessionIdleTimeout,
    Optional<String> slackWorkspaceUrl) {

  public DashboardSettings {
    Objects.requireNonNull(adminUser, "adminUser");
    Objects.requireNonNull(adminPassword, "adminPassword");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalArgumentException("sessionIdleTimeout must be positive, was " + sessionIdleTimeout);
    }
    Objects.requireNonNull(slackWorkspaceUrl, "slackWorkspaceUrl");
    slackWorkspaceUrl.ifPresent(url -> {
      if (!url.startsWith("https://")) {
        throw new IllegalArgumentException("slackWorkspaceUrl must be an https URL, was '" + url + "'");
      }
      URI.create(url);
    });
  }

  /** Generated or file admin, no API key, 30 minutes idle, no Slack links. */
  public static DashboardSettings defaults(Path dataDir) {
    return new DashboardSettings("admin", Optional.empty(), dataDir, Optional.empty(), Duration.ofMinutes(30),
        Optional.empty());
  }

  /** The same settings with API clients allowed in with {@code key}. */
  public DashboardSettings withApiKey(Secret key) {
    return new DashboardSettings(adminUser, adminPassword, dataDir, Optional.of(key), sessionIdleTimeout,
        slackWorkspaceUrl);
  }

  /**
   * Reads {@code RCA_ADMIN_USER}, {@code RCA_ADMIN_PASSWORD}, {@code RCA_DATA_DIR}, {@code RCA_API_KEY},
   * {@code RCA_SESSION_IDLE_MINUTES} and {@code RCA_SLACK_WORKSPACE_URL}.
   *
   * @throws InvalidConfigException listing every invalid setting
   */
  public static DashboardSettings from(ConfigSource source) {
    List<String> problems = new ArrayList<>();
    Optional<String> user = source.get("RCA_ADMIN_USER");
    Optional<Secret> password = source.get("RCA_ADMIN_PASSWORD").map(Secret::new);
    if (user.isPresent() && password.isEmpty()) {
      problems.add("RCA_ADMIN_PASSWORD is missing: it is needed with RCA_ADMIN_USER");
    }
    if (user.isPresent() && !user.get().matches("[A-Za-z0-9._@-]{1,64}")) {
      problems.add("RCA_ADMIN_USER must be 1 to 64 of A-Z a-z 0-9 . _ @ -, was '" + user.get() + "'");
    }
    if (password.isPresent() && password.get().reveal().length() < 12) {
      problems.add("RCA_ADMIN_PASSWORD must be at least 12 characters long");
    }
    Duration idle = Duration.ofMinutes(30);
    Optional<String> rawIdle = source.get("RCA_SESSION_IDLE_MINUTES");
    if (rawIdle.isPresent()) {
      try {
        idle = Duration.ofMinutes(Integer.parseInt(rawIdle.get()));
        if (idle.isNegative() || idle.isZero()) {
          problems.add("RCA_SESSION_IDLE_MINUTES must be positive, was " + rawIdle.get());
          idle = Duration.ofMinutes(30);
        }
      } catch (NumberFormatException e) {
        problems.add("RCA_SESSION_IDLE_MINUTES must be a number of minutes, was '" + rawIdle.get() + "'");
      }
    }
    Optional<String> slack = source.get("RCA_SLACK_WORKSPACE_URL").map(url -> url.replaceAll("/+$", ""));
    if (slack.isPresent() && !slack.get().matches("https://[A-Za-z0-9.\\-]+")) {
      problems.add("RCA_SLACK_WORKSPACE_URL must be a workspace URL such as https://acme.slack.com, was '"
          + slack.get() + "'");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new DashboardSettings(user.orElse("admin"), password, Path.of(source.get("RCA_DATA_DIR").orElse("data")),
        source.get("RCA_API_KEY").map(Secret::new), idle, slack);
  }
}
