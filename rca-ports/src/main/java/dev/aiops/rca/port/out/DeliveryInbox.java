package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryItem;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable webhook inbox: a delivery is stored before its sender is answered, and workers take it under a lease,
 * so that a delivery held by a crashed worker is taken again once its lease expires.
 *
 * <p>Implementations are thread-safe; {@link #accept} and {@link #take} are atomic also across processes sharing
 * the store.
 *
 * @see dev.aiops.rca.port.TransientPortException thrown by every method when the store cannot be reached
 */
public interface DeliveryInbox {

  /**
   * Stores a delivery and, when it reports a run, claims the run for it, in one step: the run's only claim. A
   * delivery received before changes nothing but the audit trail; a delivery of a run that another delivery claimed
   * is stored as {@link DeliveryStatus#DUPLICATE}.
   *
   * @return {@link IntakeResult.Accepted} or {@link IntakeResult.Duplicate}; durable either way
   */
  IntakeResult accept(Delivery delivery);

  /** Keeps a body that is not a usable webhook, with the reason, for inspection; the same id is kept once. */
  void reject(String deliveryId, String body, Map<String, String> headers, String reason, Instant at);

  /**
   * Takes up to {@code max} due deliveries for {@code worker}, each under a lease of {@code lease}. Deliveries held
   * by other workers are skipped, not waited for; a delivery whose lease expired is due again, its attempt counted.
   */
  List<DeliveryItem> take(String worker, int max, Duration lease);

  /** Extends the lease of a delivery {@code worker} still holds; false if it no longer does. */
  boolean renew(String deliveryId, String worker, Duration lease);

  /**
   * Leaves a delivery {@code worker} took: done, due again later, or dead. A worker that lost its lease settles
   * nothing.
   *
   * @return where the delivery stands now
   */
  DeliveryStatus settle(String deliveryId, String worker, Settlement settlement);

  /**
   * Makes a dead delivery due again with fresh attempts, keeping its id and its run's claim, so that the pipeline
   * resumes where it stopped.
   *
   * @throws IllegalArgumentException if there is no dead delivery with that id
   */
  DeliveryEntry replay(String deliveryId);

  /** The newest deliveries, optionally of one status, newest first. */
  List<DeliveryEntry> list(Optional<DeliveryStatus> status, int limit);

  /** One delivery. */
  Optional<DeliveryEntry> find(String deliveryId);

  /** A delivery's body as received, while it is kept. */
  Optional<String> rawBody(String deliveryId);

  /** How many deliveries stand in each status, every status present (zero where none). */
  Map<DeliveryStatus, Long> counts();

  /** When the oldest delivery still pending arrived. */
  Optional<Instant> oldestPending();

  /**
   * Drops the bodies of deliveries that finished before {@code finishedBefore}; their entries stay.
   *
   * @return how many bodies were dropped
   */
  int prune(Instant finishedBefore);
}
