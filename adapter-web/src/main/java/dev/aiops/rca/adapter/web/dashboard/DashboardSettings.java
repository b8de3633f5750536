package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.domain.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's settings, as the composition root read them from the environment.
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
 * @param operatorKey the key API clients present to approve, resolve and replay ({@code RCA_OPERATOR_KEY}); empty
 *     when only an operator's session may. The API key reads only
 */
public record DashboardSettings(
    String adminUser,
    Optional<Secret> adminPassword,
    Path dataDir,
    Optional<Secret> apiKey,
    Duration sessionIdleTimeout,
    Optional<String> slackWorkspaceUrl,
    Optional<Secret> operatorKey) {

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
    Objects.requireNonNull(operatorKey, "operatorKey");
  }

  /** Settings without an operator key: changes through the API need an operator's session. */
  public DashboardSettings(String adminUser, Optional<Secret> adminPassword, Path dataDir, Optional<Secret> apiKey,
      Duration sessionIdleTimeout, Optional<String> slackWorkspaceUrl) {
    this(adminUser, adminPassword, dataDir, apiKey, sessionIdleTimeout, slackWorkspaceUrl, Optional.empty());
  }

  /** Generated or file admin, no API key, 30 minutes idle, no Slack links. */
  public static DashboardSettings defaults(Path dataDir) {
    return new DashboardSettings("admin", Optional.empty(), dataDir, Optional.empty(), Duration.ofMinutes(30),
        Optional.empty());
  }

  /** The same settings with API clients allowed in with {@code key}. */
  public DashboardSettings withApiKey(Secret key) {
    return new DashboardSettings(adminUser, adminPassword, dataDir, Optional.of(key), sessionIdleTimeout,
        slackWorkspaceUrl, operatorKey);
  }

  /** The same settings with API clients allowed to approve, resolve and replay with {@code key}. */
  public DashboardSettings withOperatorKey(Secret key) {
    return new DashboardSettings(adminUser, adminPassword, dataDir, apiKey, sessionIdleTimeout, slackWorkspaceUrl,
        Optional.of(key));
  }
}
