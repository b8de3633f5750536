package dev.aiops.rca.adapter.web.slack;

import java.util.Optional;

/**
 * The e-mail address Slack shows for a user ({@code users.info}), for approvers listed by address. The composition
 * root passes the Slack adapter's lookup; without a bot token, {@link #NONE} leaves only user ids to match.
 */
@FunctionalInterface
public interface SlackEmails {

  /** No lookup: approvers listed by e-mail are never recognised. */
  SlackEmails NONE = userId -> Optional.empty();

  /**
   * The user's address in lower case; empty when unknown or not shown.
   *
   * @throws dev.aiops.rca.port.PortException when Slack cannot be asked
   */
  Optional<String> email(String userId);
}
