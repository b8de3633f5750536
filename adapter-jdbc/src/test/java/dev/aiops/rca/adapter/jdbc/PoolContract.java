package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's connection pool: every connection open before the first request, and a dry pool a transient failure. */
abstract class PoolContract {

  private final TestDatabases databases = new TestDatabases();

  /** Settings of a fresh database of this test's kind, not yet migrated. */
  abstract JdbcSettings settings(TestDatabases databases);

  @AfterEach
  void dropDatabases() {
    databases.close();
  }

  @Test
  void should_open_every_connection_of_the_pool_when_the_store_opens() {
    JdbcStore store = databases.track(JdbcStore.open(settings(databases).withPoolSize(6)));

    assertThat(store.openConnections()).isEqualTo(6);
  }

  @Test
  void should_fail_transiently_when_every_connection_stays_busy() throws Exception {
    // Two connections: Flyway takes two at once while it migrates.
    int size = 2;
    JdbcStore store = databases.track(JdbcStore.open(settings(databases).withPoolSize(size), Duration.ofMillis(250)));
    CountDownLatch holding = new CountDownLatch(size);
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<Boolean>> holders = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      holders.add(CompletableFuture.supplyAsync(() -> store.transaction("hold", h -> {
        holding.countDown();
        try {
          return release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      })));
    }
    try {
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> store.inbox(MutableClock.at("2026-11-26T10:00:00Z")).counts())
          .isInstanceOf(TransientPortException.class);
    } finally {
      release.countDown();
      for (CompletableFuture<Boolean> holder : holders) {
        holder.get(5, TimeUnit.SECONDS);
      }
    }
  }
}
