package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.domain.FailureEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A failure webhook to store before it is answered.
 *
 * @param deliveryId the delivery's id: the same webhook delivered again has the same id
 * @param event the failure it reports; its raw payload is stored as received
 * @param headers the headers of interest, never credentials
 * @param receivedAt when it arrived
 */
public record InboxDelivery(String deliveryId, FailureEvent event, Map<String, String> headers, Instant receivedAt) {
  public InboxDelivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isBlank() || deliveryId.length() > 200) {
      throw new IllegalArgumentException("deliveryId must have 1 to 200 characters");
    }
    Objects.requireNonNull(event, "event");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
