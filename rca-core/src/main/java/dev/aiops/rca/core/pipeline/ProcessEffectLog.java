package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.out.EffectLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An effect log that lives as long as the process: enough for embedding, where a crash loses everything anyway. */
final class ProcessEffectLog implements EffectLog {

  private final Map<String, Effect> effects = new ConcurrentHashMap<>();

  @Override
  public Effect intend(String idempotencyKey, EffectKind kind, IncidentId incident, Instant at) {
    return effects.computeIfAbsent(idempotencyKey, key -> Effect.intended(key, kind, incident, at));
  }

  @Override
  public Effect markDone(String idempotencyKey, String reference, Instant at) {
    Effect done = effects.computeIfPresent(idempotencyKey, (key, effect) -> effect.done(reference, at));
    if (done == null) {
      throw new IllegalArgumentException("no effect " + idempotencyKey);
    }
    return done;
  }

  @Override
  public Optional<Effect> find(String idempotencyKey) {
    return Optional.ofNullable(effects.get(idempotencyKey));
  }

  @Override
  public List<Effect> pending(int limit) {
    return effects.values().stream()
        .filter(e -> e.state() == EffectState.PENDING)
        .sorted(Comparator.comparing(Effect::intendedAt))
        .limit(limit)
        .toList();
  }
}
