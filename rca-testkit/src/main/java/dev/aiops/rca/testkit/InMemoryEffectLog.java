package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.out.EffectLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An effect log in memory: thread-safe by one lock, failing on demand. */
public final class InMemoryEffectLog implements EffectLog {

  private final Map<String, Effect> effects = new LinkedHashMap<>();
  private final FailureInjector failures = new FailureInjector();

  public FailureInjector failures() {
    return failures;
  }

  @Override
  public synchronized Effect intend(String idempotencyKey, EffectKind kind, IncidentId incident, Instant at) {
    failures.maybeFail();
    return effects.computeIfAbsent(idempotencyKey, key -> Effect.intended(key, kind, incident, at));
  }

  @Override
  public synchronized Effect markDone(String idempotencyKey, String reference, Instant at) {
    failures.maybeFail();
    Effect effect = effects.get(idempotencyKey);
    if (effect == null) {
      throw new IllegalArgumentException("no effect " + idempotencyKey);
    }
    Effect done = effect.done(reference, at);
    effects.put(idempotencyKey, done);
    return done;
  }

  @Override
  public synchronized Optional<Effect> find(String idempotencyKey) {
    failures.maybeFail();
    return Optional.ofNullable(effects.get(idempotencyKey));
  }

  @Override
  public synchronized List<Effect> pending(int limit) {
    failures.maybeFail();
    return effects.values().stream()
        .filter(e -> e.state() == EffectState.PENDING)
        .sorted(Comparator.comparing(Effect::intendedAt))
        .limit(limit)
        .toList();
  }

  /** Every effect, in the order recorded. */
  public synchronized List<Effect> all() {
    return List.copyOf(effects.values());
  }
}
