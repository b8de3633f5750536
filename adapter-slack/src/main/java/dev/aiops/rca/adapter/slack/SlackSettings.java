package dev.aiops.rca.adapter.slack;

import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to post alerts in Slack.
 *
 * @param botToken {@code SLACK_BOT_TOKEN}: the bot's {@code xoxb-} token; it needs the {@code chat:write} scope
 * @param channel {@code SLACK_ALERT_CHANNEL}: a channel id such as {@code C0123} or a name such as {@code #data-alerts}
 * @param apiUrl {@code SLACK_API_URL}: the Web API's base, {@code https://slack.com/api/} unless a test stub stands in;
 *     only {@code https://}, or {@code http://} on a loopback address
 * @param threadInterval {@code SLACK_THREAD_INTERVAL}: at most one threaded reply per message in this time, 1 h by
 *     default; recurrences in between only update the message
 * @param dashboardUrl {@code RCA_DASHBOARD_URL}: the service's dashboard, linked from every message, if any
 * @param requestTimeout the longest a single call may take
 * @param approvalButtons whether a suggested remediation gets Approve and Decline buttons: on when the service
 *     takes Slack's interactions ({@code SLACK_SIGNING_SECRET}) and someone may approve ({@code RCA_APPROVERS})
 */
public record SlackSettings(
    String botToken,
    String channel,
    URI apiUrl,
    Duration threadInterval,
    Optional<URI> dashboardUrl,
    Duration requestTimeout,
    boolean approvalButtons) {

  /** Slack's own Web API base. */
  public static final URI SLACK_API = URI.create("https://slack.com/api/");

  public SlackSettings {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(threadInterval, "threadInterval");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (botToken.isBlank()) {
      throw new IllegalArgumentException("botToken (SLACK_BOT_TOKEN) must not be blank");
    }
    if (channel.isBlank() || channel.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("channel (SLACK_ALERT_CHANNEL) must be a channel id or #name, was '"
          + channel + "'");
    }
    apiUrl = normalise(apiUrl);
    if (threadInterval.isNegative()) {
      throw new IllegalArgumentException("threadInterval (SLACK_THREAD_INTERVAL) must not be negative");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
  }

  /** Settings without approval buttons. */
  public SlackSettings(String botToken, String channel, URI apiUrl, Duration threadInterval,
      Optional<URI> dashboardUrl, Duration requestTimeout) {
    this(botToken, channel, apiUrl, threadInterval, dashboardUrl, requestTimeout, false);
  }

  /** Settings with the defaults: Slack's own API, one threaded reply per hour, 10 s per call, no dashboard. */
  public static SlackSettings of(String botToken, String channel) {
    return new SlackSettings(botToken, channel, SLACK_API, Duration.ofHours(1), Optional.empty(),
        Duration.ofSeconds(10));
  }

  /** The same settings against another API base ({@code SLACK_API_URL}). */
  public SlackSettings withApiUrl(URI url) {
    return new SlackSettings(botToken, channel, url, threadInterval, dashboardUrl, requestTimeout, approvalButtons);
  }

  /** The same settings with another thread interval. */
  public SlackSettings withThreadInterval(Duration interval) {
    return new SlackSettings(botToken, channel, apiUrl, interval, dashboardUrl, requestTimeout, approvalButtons);
  }

  /** The same settings with a dashboard to link. */
  public SlackSettings withDashboardUrl(URI dashboard) {
    return new SlackSettings(botToken, channel, apiUrl, threadInterval, Optional.of(dashboard), requestTimeout,
        approvalButtons);
  }

  /** The same settings with approval buttons on or off. */
  public SlackSettings withApprovalButtons(boolean on) {
    return new SlackSettings(botToken, channel, apiUrl, threadInterval, dashboardUrl, requestTimeout, on);
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=****, channel=" + channel + ", apiUrl=" + apiUrl + ", threadInterval="
        + threadInterval + ", dashboardUrl=" + dashboardUrl + ", requestTimeout=" + requestTimeout
        + ", approvalButtons=" + approvalButtons + "]";
  }

  // The token goes to this host only: TLS everywhere except a loopback stub. The SDK appends method names to the
  // prefix, so it must end with a slash.
  private static URI normalise(URI url) {
    String text = SecureEndpoint.require(url, "apiUrl (SLACK_API_URL)", "https://slack.com/api/").toString();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }
}
