package dev.aiops.rca.adapter.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.http.Authorization;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RetryingJsonClient;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.Notifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts Adaptive Cards to a Microsoft Teams channel through its webhook (Workflows or incoming webhook), or the
 * route's own webhook ({@code Destinations.teamsWebhook}).
 *
 * <p>A webhook cannot edit a card it posted. So a recurrence posts a short follow-up card, at most one per
 * {@link TeamsSettings#followUpInterval()} per incident, counted from the incident's last card; a redraw posts
 * nothing but a "resolved" card, once, when the incident is resolved; a storm's summary is posted once and not
 * redrawn.
 *
 * <p>What was posted for which incident (when, to which route's webhook, whether its resolution was told) is kept
 * in memory, for the {@value #REMEMBERED} most recent incidents: after a restart an incident's first recurrence
 * posts a follow-up without waiting for the interval, and a routed incident's follow-ups go to the default webhook.
 * Both err towards telling people; the resolved card stays once per incident, as each redraw is caused once per
 * content through the effect log. Thread-safe.
 */
public final class TeamsNotifier implements Notifier {

  /** The channel of every reference this notifier returns. */
  public static final String CHANNEL = "teams";
  /** How many incidents' posts are remembered. */
  static final int REMEMBERED = 10_000;

  private final TeamsSettings settings;
  private final RetryingJsonClient client;
  private final Clock clock;
  private final Map<String, Posted> posted = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Posted> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** What was posted about one incident. */
  private record Posted(Optional<Secret> webhook, String title, Priority priority, Instant lastCard,
      boolean resolvedTold) {
    Posted carded(Instant at) {
      return new Posted(webhook, title, priority, at, resolvedTold);
    }

    Posted resolved() {
      return new Posted(webhook, title, priority, lastCard, true);
    }
  }

  TeamsNotifier(TeamsSettings settings, HttpTransport transport) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = new RetryingJsonClient("teams", transport, settings.retry());
    this.clock = transport.clock();
  }

  /** A notifier on Teams over a client that never follows redirects. */
  public static TeamsNotifier create(TeamsSettings settings) {
    return new TeamsNotifier(settings, HttpTransport.standard(Duration.ofSeconds(10)));
  }

  @Override
  public NotificationRef notify(Notification notification) {
    Optional<Secret> routed = notification.destinations().teamsWebhook();
    post("post the incident card", routed.orElse(settings.webhook()), TeamsCard.incident(notification));
    String incident = notification.incident().id().toString();
    remember(incident, new Posted(routed, notification.title(), notification.priority(), clock.instant(), false));
    return new NotificationRef(CHANNEL, incident);
  }

  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    if (settings.followUpInterval().isZero()) {
      return;
    }
    String incident = recurrence.incident().toString();
    Instant now = clock.instant();
    Posted before;
    synchronized (posted) {
      before = posted.get(incident);
      if (before != null && now.isBefore(before.lastCard().plus(settings.followUpInterval()))) {
        return; // told within the interval: the next recurrence after it carries the count
      }
      // Taken before posting, so that two recurrences at once post one follow-up.
      remember(incident, before == null ? new Posted(Optional.empty(), "incident " + incident, Priority.P3, now, false)
          : before.carded(now));
    }
    Posted current = before == null ? posted(incident) : before;
    try {
      post("post a follow-up card", current.webhook().orElse(settings.webhook()),
          TeamsCard.followUp(recurrence, current.title(), current.priority()));
    } catch (PortException e) {
      synchronized (posted) {
        if (before == null) {
          posted.remove(incident);
        } else {
          posted.put(incident, before);
        }
      }
      throw e;
    }
  }

  @Override
  public void refresh(NotificationRef message, Notification current) {
    if (current.incident().status() != IncidentStatus.RESOLVED) {
      return; // a webhook cannot redraw the card; only the resolution is worth a card of its own
    }
    String incident = current.incident().id().toString();
    synchronized (posted) {
      Posted known = posted.get(incident);
      if (known != null && known.resolvedTold()) {
        return;
      }
    }
    post("post the resolved card", current.destinations().teamsWebhook().orElse(settings.webhook()),
        TeamsCard.resolved(current));
    synchronized (posted) {
      Posted known = posted.get(incident);
      posted.put(incident, (known == null ? new Posted(Optional.empty(), current.title(), current.priority(),
          clock.instant(), false) : known).resolved());
    }
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    post("post the storm summary card", settings.webhook(), TeamsCard.storm(summary));
    return new NotificationRef(CHANNEL, "storm-" + summary.since().toEpochMilli());
  }

  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    // Nothing: a webhook cannot redraw the summary, and a card per redraw would be the flood it holds back.
  }

  private Posted posted(String incident) {
    synchronized (posted) {
      return posted.get(incident);
    }
  }

  private void remember(String incident, Posted what) {
    synchronized (posted) {
      posted.put(incident, what);
    }
  }

  private void post(String call, Secret webhook, ObjectNode card) {
    URI url;
    try {
      url = URI.create(TeamsSettings.requireWebhook(webhook, "the Teams webhook").reveal().strip());
    } catch (IllegalArgumentException e) {
      // The route's webhook, checked only now: its words name no URL, which is the credential.
      throw new PermanentPortException("cannot " + call + ": " + e.getMessage());
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(card.toString()));
    // Not idempotent: a post that may have reached the channel is tried again only on 429 and 503.
    client.deliver(call, request, false, Authorization.none(), TeamsErrors.forCall(call));
  }

  @Override
  public String toString() {
    return "TeamsNotifier[follow-ups every " + settings.followUpInterval() + " at most]";
  }
}
