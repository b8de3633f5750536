package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import java.time.Instant;

/** Reads one platform's webhook bodies: what a body says, in the domain's words. */
public interface WebhookReader {

  /** The platform whose webhooks this reads. */
  Source source();

  /**
   * Reads a body. Never throws for bad input: that is a {@link WebhookReading.Unusable} with the reason.
   *
   * @param receivedAt when the body arrived, the failure's time when the body does not say
   */
  WebhookReading read(String body, Instant receivedAt);
}
