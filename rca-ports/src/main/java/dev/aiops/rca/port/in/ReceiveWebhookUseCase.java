package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import java.util.Map;
import java.util.Set;

/** Takes a webhook from a platform: reads it and stores it durably before its sender is answered. */
public interface ReceiveWebhookUseCase {

  /**
   * Takes one webhook body.
   *
   * @param headers the request headers; only those worth keeping (never credentials) are stored
   * @throws IllegalArgumentException if no reader is configured for {@code source}
   * @throws dev.aiops.rca.port.TransientPortException if the inbox cannot be reached: nothing was stored
   */
  IntakeResult receive(Source source, String body, Map<String, String> headers);

  /** The platforms whose webhooks this takes. */
  Set<Source> sources();
}
