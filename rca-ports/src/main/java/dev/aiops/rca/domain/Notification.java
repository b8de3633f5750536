package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A message about a new incident for people on call.
 *
 * @param incident the incident
 * @param title one line
 * @param text the root cause and the first actions, as plain text
 * @param category the root-cause category
 * @param ticket the ticket, if one was opened
 * @param runPageUrl the failed run's page, if known
 */
public record Notification(
    Incident incident,
    String title,
    String text,
    Category category,
    Optional<TicketRef> ticket,
    Optional<String> runPageUrl) {
  public Notification {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(runPageUrl, "runPageUrl");
  }
}
