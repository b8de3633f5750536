package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.SweepLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link SweepLedger} must do. Implement {@link #subject()} with a fresh, empty store. */
public interface SweepLedgerContract {

  Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  Duration INTERVAL = Duration.ofMinutes(10);

  SweepLedger subject();

  @Test
  default void should_give_a_free_lease_to_one_holder_and_refuse_it_to_all_until_it_expires() {
    SweepLedger ledger = subject();

    assertThat(ledger.lease("reconcile", "a", T0, T0.plus(INTERVAL))).isTrue();
    assertThat(ledger.lease("reconcile", "b", T0.plusSeconds(1), T0.plus(INTERVAL))).isFalse();
    assertThat(ledger.lease("reconcile", "a", T0.plusSeconds(599), T0.plus(INTERVAL).plusSeconds(599))).isFalse();
    assertThat(ledger.lease("other", "b", T0.plusSeconds(1), T0.plus(INTERVAL))).isTrue();

    assertThat(ledger.lease("reconcile", "b", T0.plus(INTERVAL), T0.plus(INTERVAL).plus(INTERVAL))).isTrue();
    assertThat(ledger.lease("reconcile", "a", T0.plus(INTERVAL).plusSeconds(1), T0.plus(INTERVAL.multipliedBy(3))))
        .isFalse();
  }

  @Test
  default void should_give_a_free_lease_to_exactly_one_of_many_holders_racing_for_it() throws Exception {
    SweepLedger ledger = subject();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 5; round++) {
        Instant now = T0.plus(INTERVAL.multipliedBy(round));
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int holder = 0; holder < 6; holder++) {
          String name = "replica-" + holder;
          racers.add(() -> ledger.lease("reconcile", name, now, now.plus(INTERVAL)));
        }
        int taken = 0;
        for (Future<Boolean> won : pool.invokeAll(racers)) {
          taken += won.get() ? 1 : 0;
        }
        assertThat(taken).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void should_keep_the_latest_sweep_time_of_each_platform_and_never_move_it_back() {
    SweepLedger ledger = subject();
    assertThat(ledger.sweptUntil(Source.DATABRICKS)).isEmpty();

    ledger.sweptUntil(Source.DATABRICKS, T0);
    ledger.sweptUntil(Source.DATABRICKS, T0.plus(INTERVAL));
    ledger.sweptUntil(Source.DATABRICKS, T0.plusSeconds(5));
    ledger.sweptUntil(Source.ADF, T0.minus(INTERVAL));

    assertThat(ledger.sweptUntil(Source.DATABRICKS)).contains(T0.plus(INTERVAL));
    assertThat(ledger.sweptUntil(Source.ADF)).contains(T0.minus(INTERVAL));
  }
}
