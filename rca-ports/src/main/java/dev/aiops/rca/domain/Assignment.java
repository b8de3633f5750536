package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an incident belongs to and how urgent it is, decided when it is filed: the route it matched, its owner, its
 * priority and its runbook. Where its messages and tickets go is read from the route by name when they are sent
 * ({@link Destinations}), so that no webhook address or routing key is stored with the incident.
 *
 * @param route the name of the route it matched; {@value #DEFAULT_ROUTE} when none did
 * @param owner the owner or team read from the job's tags or annotations, if any
 * @param priority its priority
 * @param runbookUrl the runbook to follow, its template filled in, if one is configured
 */
public record Assignment(String route, Optional<String> owner, Priority priority, Optional<String> runbookUrl) {

  /** The route's name when no route matched. */
  public static final String DEFAULT_ROUTE = "default";

  /** Where an incident goes when nothing routes it: the default route, no owner, priority P3, no runbook. */
  public static final Assignment UNROUTED =
      new Assignment(DEFAULT_ROUTE, Optional.empty(), Priority.P3, Optional.empty());

  public Assignment {
    Objects.requireNonNull(route, "route");
    if (route.isBlank()) {
      throw new IllegalArgumentException("route must not be blank");
    }
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(runbookUrl, "runbookUrl");
  }

  /** The same assignment at {@code newPriority}. */
  public Assignment withPriority(Priority newPriority) {
    return new Assignment(route, owner, newPriority, runbookUrl);
  }
}
