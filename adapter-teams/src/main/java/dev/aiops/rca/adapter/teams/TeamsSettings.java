package dev.aiops.rca.adapter.teams;

import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach a Microsoft Teams channel.
 *
 * @param webhook the channel's webhook (a Workflows "when a webhook request is received" URL or an incoming
 *     webhook), used unless a route names its own; a secret, as its signature is the only credential
 * @param followUpInterval the least time between two posts about one incident's recurrences, as a webhook cannot
 *     edit the card it posted; zero posts none
 * @param retry how long one post may take and how often a throttled one is tried again
 */
public record TeamsSettings(Secret webhook, Duration followUpInterval, RetryPolicy retry) {

  /** One follow-up an hour at most per incident. */
  public static final Duration DEFAULT_FOLLOW_UP_INTERVAL = Duration.ofHours(1);
  /** Four attempts at most, 30 s apart at most. */
  public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(Duration.ofSeconds(10), 4, Duration.ofSeconds(30));

  public TeamsSettings {
    Objects.requireNonNull(webhook, "webhook");
    requireWebhook(webhook, "TEAMS_WEBHOOK_URL");
    Objects.requireNonNull(followUpInterval, "followUpInterval");
    if (followUpInterval.isNegative()) {
      throw new IllegalArgumentException("followUpInterval must not be negative, was " + followUpInterval);
    }
    Objects.requireNonNull(retry, "retry");
  }

  /** The channel behind {@code webhook}, one follow-up an hour. */
  public static TeamsSettings of(String webhook) {
    return new TeamsSettings(new Secret(webhook), DEFAULT_FOLLOW_UP_INTERVAL, DEFAULT_RETRY);
  }

  public TeamsSettings withFollowUpInterval(Duration interval) {
    return new TeamsSettings(webhook, interval, retry);
  }

  public TeamsSettings withRetry(RetryPolicy policy) {
    return new TeamsSettings(webhook, followUpInterval, policy);
  }

  /**
   * Checks a webhook's form: an absolute https URL (http on loopback, for tests). Teams offers no call that checks a
   * webhook without posting to the channel, so the form is all that can be checked before the first card. The
   * message never shows the URL, whose signature is its credential.
   *
   * @param name how the setting is called in the message
   */
  public static Secret requireWebhook(Secret webhook, String name) {
    URI url;
    try {
      url = URI.create(webhook.reveal().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be a URL such as https://…webhook.office.com/webhookb2/… "
          + "or a Workflows webhook URL; it is not a URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = url.getHost() != null && SecureEndpoint.isLoopback(url.getHost());
    if (url.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      throw new IllegalArgumentException(name + " must be an https:// URL (a Teams Workflows or incoming webhook)");
    }
    return webhook;
  }
}
