package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook delivery to store before it is answered.
 *
 * @param deliveryId the delivery's id: the same webhook delivered again has the same id
 * @param report what it reports; its raw payload is stored as received
 * @param headers the headers of interest, never credentials
 * @param receivedAt when it arrived
 */
public record Delivery(String deliveryId, FailureReport report, Map<String, String> headers, Instant receivedAt) {

  /** The longest delivery id an inbox must keep. */
  public static final int MAX_ID_LENGTH = 200;

  public Delivery {
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isBlank() || deliveryId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("deliveryId must have 1 to " + MAX_ID_LENGTH + " characters");
    }
    Objects.requireNonNull(report, "report");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
