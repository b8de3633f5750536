package dev.aiops.rca.core.effect;

import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RunKey;
import java.util.Objects;

/**
 * One outward effect to cause through {@link Effects}.
 *
 * @param key the key it is recorded under
 * @param kind what kind of effect it is
 * @param run the run its audit entry is filed under
 * @param incident the incident it concerns
 * @param actor who causes it, for the audit trail
 */
public record EffectStep(EffectKey key, EffectKind kind, RunKey run, IncidentId incident, String actor) {

  public EffectStep {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(actor, "actor");
  }
}
