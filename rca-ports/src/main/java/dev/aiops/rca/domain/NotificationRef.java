package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * A message a notifier sent, so that it can be updated rather than repeated.
 *
 * @param channel where it went
 * @param messageId the channel's id of the message (a Slack {@code ts})
 */
public record NotificationRef(String channel, String messageId) {
  public NotificationRef {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank()) {
      throw new IllegalArgumentException("message id must not be blank");
    }
  }
}
