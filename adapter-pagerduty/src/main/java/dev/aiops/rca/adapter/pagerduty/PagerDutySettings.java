package dev.aiops.rca.adapter.pagerduty;

import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.RetryPolicy;
import dev.aiops.rca.http.SecureEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach PagerDuty's Events API v2.
 *
 * @param routingKey the integration's routing key (32 characters), used unless a route names its own
 * @param eventsUrl the full enqueue URL; {@link #EVENTS_URL} but in tests
 * @param minPriority the least urgent priority that pages: incidents below it page no one
 * @param clientUrl the link PagerDuty shows as the event's client (the dashboard), if known
 * @param retry how long one call may take and how often a throttled or failed one is tried again
 */
public record PagerDutySettings(Secret routingKey, URI eventsUrl, Priority minPriority, Optional<String> clientUrl,
    RetryPolicy retry) {

  /** PagerDuty's enqueue endpoint. */
  public static final URI EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");
  /** Only P1 and P2 page unless configured otherwise: quiet by default. */
  public static final Priority DEFAULT_MIN_PRIORITY = Priority.P2;
  /** Five attempts at most, 30 s apart at most: a page is worth waiting for. */
  public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(Duration.ofSeconds(10), 5, Duration.ofSeconds(30));

  public PagerDutySettings {
    Objects.requireNonNull(routingKey, "routingKey");
    requireKey(routingKey, "routing key (PAGERDUTY_ROUTING_KEY)");
    Objects.requireNonNull(eventsUrl, "eventsUrl");
    SecureEndpoint.require(eventsUrl, "events URL (PAGERDUTY_EVENTS_URL)", EVENTS_URL.toString());
    Objects.requireNonNull(minPriority, "minPriority");
    Objects.requireNonNull(clientUrl, "clientUrl");
    Objects.requireNonNull(retry, "retry");
  }

  /** PagerDuty itself with {@code routingKey}, paging P1 and P2. */
  public static PagerDutySettings of(String routingKey) {
    return new PagerDutySettings(new Secret(routingKey), EVENTS_URL, DEFAULT_MIN_PRIORITY, Optional.empty(),
        DEFAULT_RETRY);
  }

  public PagerDutySettings withEventsUrl(URI url) {
    return new PagerDutySettings(routingKey, url, minPriority, clientUrl, retry);
  }

  public PagerDutySettings withMinPriority(Priority priority) {
    return new PagerDutySettings(routingKey, eventsUrl, priority, clientUrl, retry);
  }

  public PagerDutySettings withClientUrl(String url) {
    return new PagerDutySettings(routingKey, eventsUrl, minPriority, Optional.of(url), retry);
  }

  public PagerDutySettings withRetry(RetryPolicy policy) {
    return new PagerDutySettings(routingKey, eventsUrl, minPriority, clientUrl, policy);
  }

  /** Whether an incident of {@code priority} pages someone. */
  public boolean pages(Priority priority) {
    return !minPriority.above(priority);
  }

  /**
   * Checks the form of a routing key: 32 letters and digits, as PagerDuty issues them. PagerDuty offers no call
   * that checks a key without raising an alert, so the form is all that can be checked before the first page.
   *
   * @param name how the setting is called in the message
   */
  public static Secret requireKey(Secret key, String name) {
    if (!key.reveal().matches("[A-Za-z0-9]{32}")) {
      throw new IllegalArgumentException(name + " must be the 32 letters and digits of an Events API v2 "
          + "integration key, was " + key.reveal().length() + " characters long");
    }
    return key;
  }
}
