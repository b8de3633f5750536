package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.FailureEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * A failure webhook to handle.
 *
 * @param event the failure
 * @param deliveryId the id of the delivery that carried it, which claims the run: handling the same delivery again
 *     resumes its processing, while another delivery of the same run is a duplicate
 */
public record HandleFailureCommand(FailureEvent event, String deliveryId) {
  public HandleFailureCommand {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isBlank()) {
      throw new IllegalArgumentException("deliveryId must not be blank");
    }
  }

  /** A delivery of its own, for embedded callers without an inbox: every call is a new delivery. */
  public HandleFailureCommand(FailureEvent event) {
    this(event, UUID.randomUUID().toString());
  }
}
