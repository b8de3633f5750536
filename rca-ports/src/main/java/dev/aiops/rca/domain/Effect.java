package dev.aiops.rca.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One outward effect in the effect log (outbox): recorded before it is attempted, marked done after.
 *
 * @param idempotencyKey the key that identifies the effect across retries, restarts and replicas
 * @param kind what it is
 * @param incident the incident it is for
 * @param state pending or done
 * @param reference what it produced, once done: a ticket key, a message id, a new run id
 * @param intendedAt when it was recorded
 * @param doneAt when it was marked done
 */
public record Effect(
    String idempotencyKey,
    EffectKind kind,
    IncidentId incident,
    EffectState state,
    Optional<String> reference,
    Instant intendedAt,
    Optional<Instant> doneAt) {
  public Effect {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(intendedAt, "intendedAt");
    Objects.requireNonNull(doneAt, "doneAt");
    if ((state == EffectState.DONE) != doneAt.isPresent()) {
      throw new IllegalArgumentException("doneAt must be set exactly when the effect is DONE, state was " + state);
    }
  }

  /** A freshly recorded intent. */
  public static Effect intended(String idempotencyKey, EffectKind kind, IncidentId incident, Instant at) {
    return new Effect(idempotencyKey, kind, incident, EffectState.PENDING, Optional.empty(), at, Optional.empty());
  }

  /** This effect, done at {@code at} with {@code ref}; an effect already done stays as it was. */
  public Effect done(String ref, Instant at) {
    Objects.requireNonNull(ref, "ref");
    if (state == EffectState.DONE) {
      return this;
    }
    return new Effect(idempotencyKey, kind, incident, EffectState.DONE, Optional.of(ref), intendedAt,
        Optional.of(at));
  }
}
