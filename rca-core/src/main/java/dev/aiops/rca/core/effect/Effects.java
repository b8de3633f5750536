package dev.aiops.rca.core.effect;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.EffectLog;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Causes outward effects the one way they are caused: intend the effect under its key, act, mark it done with the
 * act's reference, audit it.
 *
 * <p>The intent comes first so that a crash during the act leaves a pending effect behind, which a resumed attempt
 * can see. A port failure, of the log or of the act, is thrown to the caller and leaves the effect pending.
 */
public final class Effects {

  /**
   * What an act did.
   *
   * @param result what the caller gets back
   * @param reference what the effect log keeps as the effect's reference (a ticket key, a message id)
   * @param action the audit entry's action
   * @param detail the audit entry's words
   */
  public record Done<T>(T result, String reference, AuditAction action, String detail) {
    public Done {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }

  private final EffectLog log;
  private final AuditTrail audit;
  private final Clock clock;

  /** @param audit where the audit entries go */
  public Effects(EffectLog log, AuditTrail audit, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The effect recorded under the key, if any. */
  public Optional<Effect> find(EffectKey key) {
    return log.find(key.value());
  }

  /**
   * Causes the effect even when the log says it is done: for an act that is idempotent itself (a ticket looked up
   * by its key before one is opened) or whose result the caller needs whatever the log says.
   */
  public <T> T cause(EffectStep step, Supplier<Done<T>> act) {
    log.intend(step.key().value(), step.kind(), step.incident(), clock.instant());
    return finish(step, act.get());
  }

  /** Causes the effect unless it is done under its key already; empty when it was done before. */
  public <T> Optional<T> causeOnce(EffectStep step, Supplier<Done<T>> act) {
    Effect intended = log.intend(step.key().value(), step.kind(), step.incident(), clock.instant());
    if (intended.state() == EffectState.DONE) {
      return Optional.empty(); // a resumed attempt: the effect was caused before the interruption
    }
    return Optional.ofNullable(finish(step, act.get()));
  }

  private <T> T finish(EffectStep step, Done<T> done) {
    log.markDone(step.key().value(), done.reference(), clock.instant());
    audit.append(new AuditEntry(clock.instant(), step.run(), Optional.of(step.incident()), step.actor(),
        done.action(), done.detail()));
    return done.result();
  }
}
