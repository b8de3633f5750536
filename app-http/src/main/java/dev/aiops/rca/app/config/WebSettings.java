package dev.aiops.rca.app.config;

import dev.aiops.rca.adapter.web.dashboard.DashboardSettings;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import dev.aiops.rca.assistant.ApiKeys;
import dev.aiops.rca.domain.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the web side's settings from the environment: the dashboard's, and the webhook rate. */
public final class WebSettings {

  /** Where {@code serve} listens when {@code RCA_BIND} is not set. */
  public static final String ALL_INTERFACES = "0.0.0.0";

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private WebSettings() {}

  /**
   * Reads {@code RCA_ADMIN_USER}, {@code RCA_ADMIN_PASSWORD}, {@code RCA_DATA_DIR}, {@code RCA_API_KEY},
   * {@code RCA_OPERATOR_KEY}, {@code RCA_SESSION_IDLE_MINUTES} and {@code RCA_SLACK_WORKSPACE_URL}.
   *
   * @throws InvalidConfigException listing every invalid setting
   */
  public static DashboardSettings dashboard(ConfigSource source) {
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
    Optional<String> operatorKey = source.get("RCA_OPERATOR_KEY");
    operatorKey.flatMap(key -> ApiKeys.operatorKeyProblem("RCA_OPERATOR_KEY", key, "RCA_API_KEY",
        source.get("RCA_API_KEY"))).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new DashboardSettings(user.orElse("admin"), password, Path.of(source.get("RCA_DATA_DIR").orElse("data")),
        source.get("RCA_API_KEY").map(Secret::new), idle, slack, operatorKey.map(Secret::new));
  }

  /**
   * Reads {@code RCA_BIND}, the address to listen on (an IPv4 or IPv6 address; default {@value #ALL_INTERFACES}).
   *
   * @throws InvalidConfigException if it is not an IP address
   */
  public static String bindAddress(ConfigSource source) {
    String address = source.get("RCA_BIND").map(String::strip).orElse(ALL_INTERFACES);
    if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
      throw new InvalidConfigException(List.of("RCA_BIND must be an IP address such as 0.0.0.0 (every interface) or "
          + "127.0.0.1 (this machine only), was '" + address + "'"));
    }
    return address;
  }

  /**
   * Reads {@code RCA_WEBHOOK_RATE} (webhooks per second per source, 1 to 100000; default 200).
   *
   * @throws InvalidConfigException if it is not such a number
   */
  public static WebhookLimits webhookLimits(ConfigSource source) {
    Optional<String> raw = source.get("RCA_WEBHOOK_RATE");
    if (raw.isEmpty()) {
      return WebhookLimits.defaults();
    }
    try {
      int rate = Integer.parseInt(raw.get().strip());
      if (rate >= 1 && rate <= 100_000) {
        return WebhookLimits.of(rate);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidConfigException(List.of(
        "RCA_WEBHOOK_RATE must be a number of webhooks per second from 1 to 100000, was '" + raw.get() + "'"));
  }
}
