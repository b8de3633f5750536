package dev.aiops.rca.core.intake;

import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.port.out.DeliveryInbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What operators do with the inbox: look, and replay a dead delivery, waking the workers for it. */
public final class ManageDeliveriesService implements ManageDeliveriesUseCase {

  private final DeliveryInbox inbox;
  private final Runnable onReplayed;

  /**
   * @param onReplayed told after a replay, to wake the workers
   */
  public ManageDeliveriesService(DeliveryInbox inbox, Runnable onReplayed) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.onReplayed = Objects.requireNonNull(onReplayed, "onReplayed");
  }

  @Override
  public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
    return inbox.list(status, limit);
  }

  @Override
  public Optional<DeliveryEntry> find(String deliveryId) {
    return inbox.find(deliveryId);
  }

  @Override
  public Optional<String> rawBody(String deliveryId) {
    return inbox.rawBody(deliveryId);
  }

  @Override
  public DeliveryEntry replay(String deliveryId) {
    DeliveryEntry replayed = inbox.replay(deliveryId);
    onReplayed.run();
    return replayed;
  }

  @Override
  public Map<DeliveryStatus, Long> counts() {
    return inbox.counts();
  }

  @Override
  public Optional<Instant> oldestPending() {
    return inbox.oldestPending();
  }
}
