package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of outward effects: each ticket, notification and remediation is recorded with its idempotency key
 * before it is attempted and marked done after, so that a crash between the two is visible and is not repeated
 * blindly.
 *
 * <p>Implementations are thread-safe and atomic across processes that share the store. Every method may throw
 * {@link dev.aiops.rca.port.TransientPortException} when the store cannot be reached.
 */
public interface EffectLog {

  /**
   * Records the intent to cause an effect. Recording a key that is already recorded changes nothing and returns
   * the effect as it stands, so that its state tells whether an earlier attempt finished.
   */
  Effect intend(String idempotencyKey, EffectKind kind, IncidentId incident, Instant at);

  /**
   * Marks the effect done with the reference it produced. Marking an effect that is done already keeps its first
   * reference.
   *
   * @throws IllegalArgumentException if no intent was recorded under the key
   */
  Effect markDone(String idempotencyKey, String reference, Instant at);

  /** The effect recorded under the key, or empty when there is none. */
  Optional<Effect> find(String idempotencyKey);

  /** Effects recorded but not done, oldest first, at most {@code limit}: the ones a crash may have interrupted. */
  List<Effect> pending(int limit);
}
