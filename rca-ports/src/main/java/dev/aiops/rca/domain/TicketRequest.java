package dev.aiops.rca.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket to open for a new incident.
 *
 * @param idempotencyKey the key that identifies this ticket across retries; the tracker stores it so that
 *     {@code findByIdempotencyKey} finds the ticket after a crash
 * @param incident the incident it is for
 * @param signature the incident's error signature
 * @param summary one line
 * @param description the full root cause analysis as text
 * @param labels labels without spaces
 * @param category the root-cause category
 * @param details the structured facts behind {@code description}, for trackers that format them; empty when the
 *     caller has only the text
 * @param priority the incident's priority, which trackers map to their own (Jira priority, ServiceNow urgency and
 *     impact)
 * @param destinations where the incident's route files it (project, component, assignee, assignment group);
 *     {@link Destinations#DEFAULTS} for the tracker's own configuration
 */
public record TicketRequest(
    String idempotencyKey,
    IncidentId incident,
    ErrorSignature signature,
    String summary,
    String description,
    List<String> labels,
    Category category,
    Optional<TicketDetails> details,
    Priority priority,
    Destinations destinations) {
  public TicketRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(summary, "summary");
    if (summary.isBlank()) {
      throw new IllegalArgumentException("summary must not be blank");
    }
    Objects.requireNonNull(description, "description");
    labels = List.copyOf(labels);
    for (String label : labels) {
      if (label.isBlank() || label.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("label must be one word, was '" + label + "'");
      }
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(destinations, "destinations");
  }

  /** A request at priority P3 to the tracker's own destinations. */
  public TicketRequest(String idempotencyKey, IncidentId incident, ErrorSignature signature, String summary,
      String description, List<String> labels, Category category, Optional<TicketDetails> details) {
    this(idempotencyKey, incident, signature, summary, description, labels, category, details, Priority.P3,
        Destinations.DEFAULTS);
  }

  /** A request with the text only, no structured details. */
  public TicketRequest(String idempotencyKey, IncidentId incident, ErrorSignature signature, String summary,
      String description, List<String> labels, Category category) {
    this(idempotencyKey, incident, signature, summary, description, labels, category, Optional.empty());
  }
}
