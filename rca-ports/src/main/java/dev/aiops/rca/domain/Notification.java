package dev.aiops.rca.domain;

import java.util.List;
import java.util.Locale;
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
 * @param impactedTasks the tasks the failure held back, each as {@code name STATE}; empty when none or not known
 * @param destinations where the incident's route sends it; {@link Destinations#DEFAULTS} for the deployment's own
 * @param remediation the latest remediation outcome the message shows, if any; {@code text} then ends with its
 *     {@link #remediationLine} too, so that a notifier that shows text alone still tells it, and one that draws it
 *     apart (Slack's approval buttons on a {@link RemediationStatus#SUGGESTED} one) can take it off the text
 */
public record Notification(
    Incident incident,
    String title,
    String text,
    Category category,
    Optional<TicketRef> ticket,
    Optional<String> runPageUrl,
    List<String> impactedTasks,
    Destinations destinations,
    Optional<RemediationOutcome> remediation) {
  public Notification {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(runPageUrl, "runPageUrl");
    impactedTasks = List.copyOf(impactedTasks);
    Objects.requireNonNull(destinations, "destinations");
    Objects.requireNonNull(remediation, "remediation");
  }

  /** A notification that shows no remediation. */
  public Notification(Incident incident, String title, String text, Category category, Optional<TicketRef> ticket,
      Optional<String> runPageUrl, List<String> impactedTasks, Destinations destinations) {
    this(incident, title, text, category, ticket, runPageUrl, impactedTasks, destinations, Optional.empty());
  }

  /** A notification to the deployment's default destinations. */
  public Notification(Incident incident, String title, String text, Category category, Optional<TicketRef> ticket,
      Optional<String> runPageUrl, List<String> impactedTasks) {
    this(incident, title, text, category, ticket, runPageUrl, impactedTasks, Destinations.DEFAULTS);
  }

  /** A notification that lists no impacted tasks. */
  public Notification(Incident incident, String title, String text, Category category, Optional<TicketRef> ticket,
      Optional<String> runPageUrl) {
    this(incident, title, text, category, ticket, runPageUrl, List.of());
  }

  /** The same notification listing {@code tasks} as the ones the failure held back. */
  public Notification withImpactedTasks(List<String> tasks) {
    return new Notification(incident, title, text, category, ticket, runPageUrl, tasks, destinations, remediation);
  }

  /** The same notification sent to {@code newDestinations}. */
  public Notification withDestinations(Destinations newDestinations) {
    return new Notification(incident, title, text, category, ticket, runPageUrl, impactedTasks, newDestinations,
        remediation);
  }

  /** The same notification showing {@code outcome}; the caller has ended {@code text} with its line. */
  public Notification withRemediation(RemediationOutcome outcome) {
    return new Notification(incident, title, text, category, ticket, runPageUrl, impactedTasks, destinations,
        Optional.of(outcome));
  }

  /** The line that tells a remediation's outcome below the root cause: {@code Remediation <status>: <detail>}. */
  public static String remediationLine(RemediationOutcome outcome) {
    return "Remediation " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.detail();
  }

  /** The incident's priority. */
  public Priority priority() {
    return incident.assignment().priority();
  }
}
