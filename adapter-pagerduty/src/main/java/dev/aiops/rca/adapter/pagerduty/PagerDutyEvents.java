package dev.aiops.rca.adapter.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.StormSummary;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The Events API v2 bodies this service sends: a trigger per incident or storm, and a resolve. */
final class PagerDutyEvents {

  /** The longest summary PagerDuty takes. */
  static final int MAX_SUMMARY = 1024;
  static final String CLIENT = "AIOps RCA Assistant";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PagerDutyEvents() {}

  /** The incident's signature: stable across its recurrences, so that they fold into one alert. */
  static String dedupKey(Incident incident) {
    return incident.signature().value();
  }

  /** P1 critical, P2 error, P3 warning, P4 info. */
  static String severity(Priority priority) {
    switch (priority) {
      case P1:
        return "critical";
      case P2:
        return "error";
      case P3:
        return "warning";
      default:
        return "info";
    }
  }

  /** The trigger for a new incident, with the links to its run, ticket and runbook. */
  static ObjectNode trigger(Secret routingKey, Notification notification, Optional<String> clientUrl) {
    Incident incident = notification.incident();
    ObjectNode event = envelope(routingKey, "trigger", dedupKey(incident));
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", clip(notification.title() + ": " + firstLine(notification.text())));
    payload.put("source", incident.source().name().toLowerCase(Locale.ROOT) + ":" + incident.jobName());
    payload.put("severity", severity(notification.priority()));
    payload.put("timestamp", incident.firstSeen().toString());
    payload.put("component", incident.jobName());
    payload.put("group", incident.assignment().route());
    payload.put("class", notification.category().name());
    ObjectNode details = payload.putObject("custom_details");
    details.put("incident", incident.id().toString());
    details.put("priority", notification.priority().name());
    details.put("root_cause", notification.text());
    details.put("occurrences", incident.occurrences());
    incident.assignment().owner().ifPresent(owner -> details.put("owner", owner));
    notification.ticket().ifPresent(ticket -> details.put("ticket", ticket.system() + " " + ticket.key()));
    ArrayNode actions = details.putArray("recommended_actions");
    incident.analysis().recommendedActions().stream().limit(3).forEach(actions::add);
    ArrayNode links = event.putArray("links");
    notification.runPageUrl().ifPresent(url -> link(links, url, "Failed run"));
    notification.ticket().ifPresent(ticket -> link(links, ticket.url(), "Ticket " + ticket.key()));
    incident.assignment().runbookUrl().ifPresent(url -> link(links, url, "Runbook"));
    client(event, clientUrl);
    return event;
  }

  /** The trigger for a storm's summary: one alert for the storm, as its many incidents have no page each. */
  static ObjectNode storm(Secret routingKey, StormSummary summary, Optional<String> clientUrl) {
    ObjectNode event = envelope(routingKey, "trigger", stormKey(summary));
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", clip("[RCA] storm: " + summary.count() + " new incidents since " + summary.since()));
    payload.put("source", "rca-assistant");
    payload.put("severity", "error");
    payload.put("timestamp", summary.since().toString());
    payload.put("class", "STORM");
    ObjectNode details = payload.putObject("custom_details");
    details.put("count", summary.count());
    ArrayNode listed = details.putArray("incidents");
    summary.listed().forEach(entry -> listed.add(entry.jobName() + ": " + entry.title()
        + entry.ticket().map(key -> " (" + key + ")").orElse("")));
    client(event, clientUrl);
    return event;
  }

  /** The storm's alert key: one per storm, however often its summary grows. */
  static String stormKey(StormSummary summary) {
    return "rca-storm-" + summary.since().toEpochMilli();
  }

  /** The resolve of the alert under {@code dedupKey}. */
  static ObjectNode resolve(Secret routingKey, String dedupKey) {
    return envelope(routingKey, "resolve", dedupKey);
  }

  private static ObjectNode envelope(Secret routingKey, String action, String dedupKey) {
    ObjectNode event = JSON.createObjectNode();
    event.put("routing_key", routingKey.reveal());
    event.put("event_action", action);
    event.put("dedup_key", dedupKey);
    return event;
  }

  private static void client(ObjectNode event, Optional<String> clientUrl) {
    event.put("client", CLIENT);
    clientUrl.ifPresent(url -> event.put("client_url", url));
  }

  /** Adds a link if it is an absolute http(s) URL: PagerDuty refuses the event over a bad one. */
  private static void link(ArrayNode links, String href, String text) {
    try {
      URI uri = URI.create(href);
      if (uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http")) {
        links.addObject().put("href", href).put("text", text);
      }
    } catch (IllegalArgumentException e) {
      // not a URL: leave the link out rather than lose the page
    }
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  private static String clip(String text) {
    return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
