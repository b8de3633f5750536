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

/** What every {@link SweepLedger} must do. Implement {@link #ledger()} with a fresh, empty store. */
public interface SweepLedgerContract {

  /** A fresh ledger on an empty store. */
  SweepLedger ledger();

  private static Instant minute(int minute) {
    return Samples.T0.plus(Duration.ofMinutes(minute));
  }

  @Test
  default void should_give_a_free_lease_to_one_holder_and_refuse_it_to_all_until_it_expires() {
    SweepLedger ledger = ledger();

    assertThat(ledger.lease("reconcile", "a", minute(0), minute(10))).isTrue();
    assertThat(ledger.lease("reconcile", "b", minute(1), minute(11))).isFalse();
    assertThat(ledger.lease("reconcile", "a", minute(9), minute(19))).isFalse();
    assertThat(ledger.lease("other", "b", minute(1), minute(11))).isTrue();

    assertThat(ledger.lease("reconcile", "b", minute(10), minute(20))).isTrue();
    assertThat(ledger.lease("reconcile", "a", minute(11), minute(21))).isFalse();
  }

  @Test
  default void should_give_a_free_lease_to_exactly_one_of_many_holders_racing_for_it() throws Exception {
    SweepLedger ledger = ledger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 5; round++) {
        Instant now = minute(10 * round);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int holder = 0; holder < 6; holder++) {
          String name = "replica-" + holder;
          racers.add(() -> ledger.lease("reconcile", name, now, now.plus(Duration.ofMinutes(10))));
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
    SweepLedger ledger = ledger();
    assertThat(ledger.sweptUntil(Source.DATABRICKS)).isEmpty();

    ledger.sweptUntil(Source.DATABRICKS, minute(0));
    ledger.sweptUntil(Source.DATABRICKS, minute(10));
    ledger.sweptUntil(Source.DATABRICKS, minute(5));
    ledger.sweptUntil(Source.ADF, minute(-10));

    assertThat(ledger.sweptUntil(Source.DATABRICKS)).contains(minute(10));
    assertThat(ledger.sweptUntil(Source.ADF)).contains(minute(-10));
  }
}
