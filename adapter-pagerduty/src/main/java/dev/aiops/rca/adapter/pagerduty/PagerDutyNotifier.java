package dev.aiops.rca.adapter.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.http.Authorization;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.Notifier;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Pages through PagerDuty's Events API v2: a {@code trigger} per incident whose priority pages
 * ({@link PagerDutySettings#minPriority()}), keyed by the incident's signature so that recurrences fold into the one
 * alert, and a {@code resolve} when the incident is redrawn as resolved.
 *
 * <p>A recurrence sends nothing: the alert for the signature is open already, and PagerDuty would only fold a
 * second trigger into it; the count is on the ticket and the chat messages. A redraw sends nothing but the
 * resolve, as an alert has no text to redraw, or the trigger of an incident that paged no one until its
 * recurrences raised its priority into the paging range. A storm's summary triggers one alert for the storm (its incidents get
 * no page each, and many failing at once is what on-call is for); its redraws send nothing.
 *
 * <p>429 and 5xx are tried again with backoff (every event is idempotent by its dedup key); 400 is permanent.
 * Thread-safe.
 */
public final class PagerDutyNotifier implements Notifier {

  /** The channel of every reference this notifier returns. */
  public static final String CHANNEL = "pagerduty";
  /** The message id's prefix for an incident that paged no one (its priority below the minimum). */
  static final String QUIET = "quiet:";

  private final PagerDutySettings settings;
  private final RetryingJsonClient client;

  PagerDutyNotifier(PagerDutySettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new RetryingJsonClient("pagerduty", transport, settings.retry());
  }

  /** A notifier on PagerDuty over a client that never follows redirects. */
  public static PagerDutyNotifier create(PagerDutySettings settings) {
    return new PagerDutyNotifier(settings, HttpTransport.standard(Duration.ofSeconds(10)));
  }

  @Override
  public NotificationRef notify(Notification notification) {
    String dedupKey = PagerDutyEvents.dedupKey(notification.incident());
    if (!settings.pages(notification.priority())) {
      return new NotificationRef(CHANNEL, QUIET + dedupKey);
    }
    send("trigger", PagerDutyEvents.trigger(routingKey(notification.destinations()), notification,
        settings.clientUrl()));
    return new NotificationRef(CHANNEL, dedupKey);
  }

  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    // Nothing: the signature's alert is open, and a second trigger would only be folded into it.
  }

  @Override
  public void refresh(NotificationRef message, Notification current) {
    boolean paged = !message.messageId().startsWith(QUIET);
    boolean pagesNow = settings.pages(current.priority());
    String dedupKey = PagerDutyEvents.dedupKey(current.incident());
    if (current.incident().status() == IncidentStatus.RESOLVED) {
      // A quiet incident may have been paged since, when its recurrences raised it: resolving a key PagerDuty
      // has no open alert for is accepted and changes nothing.
      if (paged || pagesNow) {
        send("resolve", PagerDutyEvents.resolve(routingKey(current.destinations()), dedupKey));
      }
    } else if (!paged && pagesNow) {
      // Recurrences raised a quiet incident to a priority that pages. Its reference stays quiet, so a later
      // redraw sends this trigger again, which PagerDuty folds into the open alert by its dedup key.
      send("trigger", PagerDutyEvents.trigger(routingKey(current.destinations()), current, settings.clientUrl()));
    }
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    send("trigger", PagerDutyEvents.storm(settings.routingKey(), summary, settings.clientUrl()));
    return new NotificationRef(CHANNEL, PagerDutyEvents.stormKey(summary));
  }

  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    // Nothing: the storm's alert stands; its count is on the chat summaries and the dashboard.
  }

  private Secret routingKey(Destinations destinations) {
    return destinations.pagerDutyRoutingKey().orElse(settings.routingKey());
  }

  private void send(String call, ObjectNode event) {
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.eventsUrl())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(event.toString()));
    JsonNode answer = client.send(call, request, true, Authorization.none(), PagerDutyErrors.forCall(call));
    if (!"success".equals(answer.path("status").asText())) {
      throw new PermanentPortException("PagerDuty did not accept the " + call + " event: "
          + answer.path("message").asText(answer.toString()));
    }
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[" + settings.eventsUrl() + ", pages " + settings.minPriority() + " and above]";
  }
}
