package dev.aiops.rca.core.routing;

import dev.aiops.rca.domain.Priority;

/**
 * A priority in the words of the systems that have no priority scheme of their own to configure: PagerDuty's Events
 * API v2 {@code payload.severity} and the colour of a card (a Teams Adaptive Card container, a Slack attachment).
 * Jira and ServiceNow map in their adapters, where their names and lookups are configured. Table in
 * {@code docs/routing.md}.
 */
public final class PriorityMappings {

  private PriorityMappings() {}

  /** PagerDuty's severity: {@code critical}, {@code error}, {@code warning} or {@code info}. */
  public static String pagerDutySeverity(Priority priority) {
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

  /** The card colour as {@code #RRGGBB}: red, orange, yellow, grey. */
  public static String colour(Priority priority) {
    switch (priority) {
      case P1:
        return "#D92D20";
      case P2:
        return "#F79009";
      case P3:
        return "#FDB022";
      default:
        return "#98A2B3";
    }
  }
}
