package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.out.EffectLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EffectLog} must do; implement {@link #subject()} with a fresh, empty log and
 * {@link #incident()} with an incident that exists in the store behind it.
 */
public interface EffectLogContract {

  EffectLog subject();

  /** An incident the effects may refer to. */
  default IncidentId incident() {
    return new IncidentId(1);
  }

  @Test
  default void should_record_an_intent_as_pending_when_first_recorded() {
    EffectLog log = subject();

    Effect effect = log.intend("rca-aaaa-1", EffectKind.TICKET, incident(), Samples.T0);

    assertThat(effect.state()).isEqualTo(EffectState.PENDING);
    assertThat(effect.reference()).isEmpty();
    assertThat(log.find("rca-aaaa-1")).contains(effect);
    assertThat(log.pending(10)).containsExactly(effect);
  }

  @Test
  default void should_keep_the_first_record_when_the_same_key_is_intended_again() {
    EffectLog log = subject();
    log.intend("rca-aaaa-1", EffectKind.TICKET, incident(), Samples.T0);
    log.markDone("rca-aaaa-1", "RCA-1", Samples.T0.plusSeconds(1));

    Effect again = log.intend("rca-aaaa-1", EffectKind.TICKET, incident(), Samples.T0.plusSeconds(2));

    assertThat(again.state()).isEqualTo(EffectState.DONE);
    assertThat(again.reference()).contains("RCA-1");
    assertThat(again.intendedAt()).isEqualTo(Samples.T0);
  }

  @Test
  default void should_leave_pending_and_keep_the_first_reference_when_marked_done_twice() {
    EffectLog log = subject();
    log.intend("notify-1", EffectKind.NOTIFICATION, incident(), Samples.T0);
    log.intend("remediate-1", EffectKind.REMEDIATION, incident(), Samples.T0.plusSeconds(1));

    log.markDone("notify-1", "C1/1700000000.1", Samples.T0.plusSeconds(2));
    Effect twice = log.markDone("notify-1", "C1/other", Samples.T0.plusSeconds(3));

    assertThat(twice.reference()).contains("C1/1700000000.1");
    assertThat(twice.doneAt()).contains(Samples.T0.plusSeconds(2));
    assertThat(log.pending(10)).extracting(Effect::idempotencyKey).containsExactly("remediate-1");
  }

  @Test
  default void should_refuse_to_mark_done_when_nothing_was_intended() {
    assertThatThrownBy(() -> subject().markDone("never", "X", Samples.T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(subject().find("never")).isEmpty();
  }

  @Test
  default void should_keep_one_record_when_twenty_threads_intend_the_same_key() throws Exception {
    EffectLog log = subject();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Effect>> attempts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        attempts.add(() -> log.intend("rca-race-1", EffectKind.TICKET, incident(), Samples.T0));
      }
      pool.invokeAll(attempts).forEach(f -> assertThat(f).succeedsWithin(java.time.Duration.ofSeconds(10)));
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.pending(100)).hasSize(1);
  }
}
