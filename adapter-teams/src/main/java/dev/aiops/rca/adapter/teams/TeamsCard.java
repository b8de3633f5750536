package dev.aiops.rca.adapter.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Adaptive Cards (version 1.4) this service posts, each in the message envelope that both incoming webhooks and
 * Workflows' "post to a channel when a webhook request is received" take.
 */
final class TeamsCard {

  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  static final String VERSION = "1.4";
  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  /** How many recommended actions a card shows. */
  static final int TOP_ACTIONS = 3;
  /** How many of a storm's incidents its card names. */
  static final int STORM_LISTED = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsCard() {}

  /** A new incident: title in its priority's colour, root-cause line, facts, top actions, link buttons. */
  static ObjectNode incident(Notification notification) {
    Incident incident = notification.incident();
    ObjectNode message = JSON.createObjectNode();
    ObjectNode card = envelope(message);
    ArrayNode body = card.putArray("body");
    heading(body, notification.title(), notification.priority());
    List<String> lines = notification.text().strip().lines().toList();
    text(body, lines.isEmpty() ? "" : lines.get(0), false);
    if (lines.size() > 1) {
      text(body, String.join("\n\n", lines.subList(1, lines.size())), true);
    }
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    fact(facts, "Category", notification.category().name());
    fact(facts, "Priority", notification.priority().name());
    fact(facts, "Occurrences", Integer.toString(incident.occurrences()));
    notification.ticket().ifPresent(ticket -> fact(facts, "Ticket", ticket.system() + " " + ticket.key()));
    incident.assignment().owner().ifPresent(owner -> fact(facts, "Owner", owner));
    if (!notification.impactedTasks().isEmpty()) {
      fact(facts, "Held back", String.join(", ", notification.impactedTasks()));
    }
    fact(facts, "Incident", incident.id().toString());
    List<String> actions = incident.analysis().recommendedActions().stream().limit(TOP_ACTIONS).toList();
    if (!actions.isEmpty()) {
      body.addObject().put("type", "TextBlock").put("text", "Top actions").put("weight", "Bolder")
          .put("wrap", true);
      for (int i = 0; i < actions.size(); i++) {
        text(body, (i + 1) + ". " + actions.get(i), false);
      }
    }
    ArrayNode buttons = card.putArray("actions");
    notification.runPageUrl().ifPresent(url -> button(buttons, "Open the failed run", url));
    notification.ticket().ifPresent(ticket -> button(buttons, "Open ticket " + ticket.key(), ticket.url()));
    incident.assignment().runbookUrl().ifPresent(url -> button(buttons, "Open the runbook", url));
    return message;
  }

  /** A recurrence, posted as its own short card because a webhook cannot edit the first. */
  static ObjectNode followUp(Recurrence recurrence, String title, Priority priority) {
    ObjectNode message = JSON.createObjectNode();
    ArrayNode body = envelope(message).putArray("body");
    heading(body, "Again: " + title, priority);
    text(body, "Failed again in run " + recurrence.run() + " at " + recurrence.at() + ": " + recurrence.occurrences()
        + " occurrences so far (incident " + recurrence.incident() + ").", false);
    return message;
  }

  /** The incident resolved: a short card in green with who resolved it and why. */
  static ObjectNode resolved(Notification current) {
    ObjectNode message = JSON.createObjectNode();
    ArrayNode body = envelope(message).putArray("body");
    ObjectNode container = body.addObject().put("type", "Container").put("style", "good").put("bleed", true);
    container.putArray("items").addObject().put("type", "TextBlock").put("text", "Resolved: " + current.title())
        .put("weight", "Bolder").put("size", "Medium").put("color", "Good").put("wrap", true);
    text(body, String.join("\n\n", current.text().strip().lines().toList()), false);
    return message;
  }

  /** A storm's summary: how many new incidents, and the first of them by job. */
  static ObjectNode storm(StormSummary summary) {
    ObjectNode message = JSON.createObjectNode();
    ArrayNode body = envelope(message).putArray("body");
    heading(body, "[RCA] storm: " + summary.count() + " new incidents since " + summary.since(), Priority.P2);
    text(body, "Too many new incidents at once for a card each; each has its ticket.", true);
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    summary.listed().stream().limit(STORM_LISTED).forEach(entry -> fact(facts, entry.jobName(),
        entry.title() + entry.ticket().map(key -> " (" + key + ")").orElse("")));
    int unnamed = summary.count() - Math.min(STORM_LISTED, summary.listed().size());
    if (unnamed > 0) {
      text(body, "and " + unnamed + " more", true);
    }
    return message;
  }

  /** The container's style and the text's colour of each priority: red, amber, blue, plain. */
  static String style(Priority priority) {
    switch (priority) {
      case P1:
        return "attention";
      case P2:
        return "warning";
      case P3:
        return "accent";
      default:
        return "emphasis";
    }
  }

  private static String color(Priority priority) {
    switch (priority) {
      case P1:
        return "Attention";
      case P2:
        return "Warning";
      case P3:
        return "Accent";
      default:
        return "Default";
    }
  }

  private static ObjectNode envelope(ObjectNode message) {
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", CONTENT_TYPE);
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", SCHEMA);
    card.put("type", "AdaptiveCard");
    card.put("version", VERSION);
    card.putObject("msteams").put("width", "Full");
    return card;
  }

  private static void heading(ArrayNode body, String title, Priority priority) {
    ObjectNode container = body.addObject().put("type", "Container").put("style", style(priority))
        .put("bleed", true);
    container.putArray("items").addObject().put("type", "TextBlock").put("text", title).put("weight", "Bolder")
        .put("size", "Medium").put("color", color(priority)).put("wrap", true);
  }

  private static void text(ArrayNode body, String text, boolean subtle) {
    ObjectNode block = body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    if (subtle) {
      block.put("isSubtle", true);
    }
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", value);
  }

  /** Adds a link button if {@code url} is an absolute https URL: Teams refuses a card with any other. */
  private static void button(ArrayNode buttons, String title, String url) {
    httpsUrl(url).ifPresent(ok -> buttons.addObject().put("type", "Action.OpenUrl").put("title", title)
        .put("url", ok));
  }

  private static Optional<String> httpsUrl(String url) {
    try {
      URI uri = URI.create(url);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? Optional.of(url)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
