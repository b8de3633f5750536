package dev.aiops.rca.app.cli;

import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code inbox} commands read and change: the inbox in the database itself, or through the running
 * service when it holds the database (the embedded H2 file admits one process).
 */
interface InboxView {

  /** How many deliveries stand in each status. */
  Map<DeliveryStatus, Long> counts();

  /** The newest deliveries, optionally of one status. */
  List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit);

  /**
   * Makes a dead delivery due again.
   *
   * @return where it stands now
   * @throws IllegalArgumentException if there is no dead delivery with that id
   */
  DeliveryStatus replay(String deliveryId);

  /** The inbox through the use case, on a database this process opened. */
  static InboxView of(ManageDeliveriesUseCase deliveries) {
    return new InboxView() {
      @Override
      public Map<DeliveryStatus, Long> counts() {
        return deliveries.counts();
      }

      @Override
      public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
        return deliveries.list(status, limit);
      }

      @Override
      public DeliveryStatus replay(String deliveryId) {
        return deliveries.replay(deliveryId).status();
      }
    };
  }
}
