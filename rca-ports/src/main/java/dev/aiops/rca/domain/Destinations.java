package dev.aiops.rca.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a route sends an incident's messages and ticket; each empty field means "the deployment's default" (the
 * {@code SLACK_ALERT_CHANNEL}, the Jira project, the notifier's own configured address).
 *
 * @param slackChannel the Slack channel
 * @param slackMentions who to mention on the Slack message: user ids ({@code U…}), group ids ({@code S…}) or
 *     {@code here}/{@code channel}
 * @param teamsWebhook the Microsoft Teams webhook (Workflows or incoming webhook) to post to
 * @param pagerDutyRoutingKey the PagerDuty Events API v2 integration key
 * @param emailRecipients who to e-mail
 * @param jiraProject the Jira project key
 * @param jiraComponent the Jira component
 * @param jiraAssignee the Jira assignee's account id
 * @param serviceNowAssignmentGroup the ServiceNow assignment group
 */
public record Destinations(
    Optional<String> slackChannel,
    List<String> slackMentions,
    Optional<Secret> teamsWebhook,
    Optional<Secret> pagerDutyRoutingKey,
    List<String> emailRecipients,
    Optional<String> jiraProject,
    Optional<String> jiraComponent,
    Optional<String> jiraAssignee,
    Optional<String> serviceNowAssignmentGroup) {

  /** Every notifier and tracker at its deployment's defaults. */
  public static final Destinations DEFAULTS = new Destinations(Optional.empty(), List.of(), Optional.empty(),
      Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public Destinations {
    Objects.requireNonNull(slackChannel, "slackChannel");
    slackMentions = List.copyOf(slackMentions);
    Objects.requireNonNull(teamsWebhook, "teamsWebhook");
    Objects.requireNonNull(pagerDutyRoutingKey, "pagerDutyRoutingKey");
    emailRecipients = List.copyOf(emailRecipients);
    Objects.requireNonNull(jiraProject, "jiraProject");
    Objects.requireNonNull(jiraComponent, "jiraComponent");
    Objects.requireNonNull(jiraAssignee, "jiraAssignee");
    Objects.requireNonNull(serviceNowAssignmentGroup, "serviceNowAssignmentGroup");
  }
}
