package dev.aiops.rca.adapter.web.slack;

import dev.aiops.rca.domain.Secret;
import java.util.Objects;

/**
 * How the service takes Slack's interactions at {@code POST /slack/interactions}.
 *
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: the Slack app's signing secret, which every request is
 *     verified with
 * @param approvers {@code RCA_APPROVERS}: who may approve or decline a remediation from Slack
 */
public record SlackInteractionSettings(Secret signingSecret, SlackApprovers approvers) {
  public SlackInteractionSettings {
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(approvers, "approvers");
  }

  /** Whether the card should carry Approve and Decline buttons: someone may press them. */
  public boolean buttons() {
    return !approvers.isEmpty();
  }
}
