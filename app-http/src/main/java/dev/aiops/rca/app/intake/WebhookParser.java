package dev.aiops.rca.app.intake;

import java.time.Instant;

/** Turns one platform's webhook body into a failure event, an acknowledged non-failure, or a rejection. */
@FunctionalInterface
public interface WebhookParser {

  /**
   * Parses a body. Never throws for bad input: that is a {@link ParsedWebhook.Rejected}.
   *
   * @param receivedAt when the body arrived, the failure's time when the body does not say
   */
  ParsedWebhook parse(String body, Instant receivedAt);
}
