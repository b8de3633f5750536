package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.jdbc.InboxEntry;
import dev.aiops.rca.adapter.jdbc.InboxStatus;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stopgap: offers the JDBC inbox as the driving port operators' tools call, until core implements
 * {@link ManageDeliveriesUseCase} over the {@code DeliveryInbox} port; then this class goes. Statuses map by name.
 */
public final class InboxDeliveries implements ManageDeliveriesUseCase {

  private final JdbiInbox inbox;
  private final Runnable wakeWorkers;

  public InboxDeliveries(JdbiInbox inbox, Runnable wakeWorkers) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.wakeWorkers = Objects.requireNonNull(wakeWorkers, "wakeWorkers");
  }

  @Override
  public List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit) {
    return inbox.list(status.map(s -> InboxStatus.valueOf(s.name())), limit).stream()
        .map(InboxDeliveries::entry).toList();
  }

  @Override
  public Optional<DeliveryEntry> find(String deliveryId) {
    return inbox.find(deliveryId).map(InboxDeliveries::entry);
  }

  @Override
  public Optional<String> rawBody(String deliveryId) {
    return inbox.rawBody(deliveryId);
  }

  @Override
  public DeliveryEntry replay(String deliveryId) {
    DeliveryEntry entry = entry(inbox.replay(deliveryId));
    wakeWorkers.run();
    return entry;
  }

  @Override
  public Map<DeliveryStatus, Long> counts() {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    inbox.counts().forEach((status, count) -> counts.put(DeliveryStatus.valueOf(status.name()), count));
    return counts;
  }

  @Override
  public Optional<Instant> oldestPending() {
    return inbox.oldestPending();
  }

  private static DeliveryEntry entry(InboxEntry entry) {
    return new DeliveryEntry(entry.deliveryId(), DeliveryStatus.valueOf(entry.status().name()), entry.run(),
        entry.receivedAt(), entry.attempts(), entry.lastError());
  }
}
