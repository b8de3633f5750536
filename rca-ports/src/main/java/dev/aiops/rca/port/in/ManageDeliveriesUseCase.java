package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What operators do with stored deliveries: look at them, and replay one after a fix. */
public interface ManageDeliveriesUseCase {

  /** The newest deliveries, optionally of one status, newest first. */
  List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit);

  /** One delivery. */
  Optional<DeliveryEntry> find(String deliveryId);

  /** A delivery's body as received, while it is kept. */
  Optional<String> rawBody(String deliveryId);

  /**
   * Makes a dead delivery due again with fresh attempts and wakes the workers.
   *
   * @throws IllegalArgumentException if there is no dead delivery with that id
   */
  DeliveryEntry replay(String deliveryId);

  /** How many deliveries stand in each status, every status present. */
  Map<DeliveryStatus, Long> counts();

  /** When the oldest delivery still pending arrived. */
  Optional<Instant> oldestPending();
}
