package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.MutableClock;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook body listing many runs is stored once, however many deliveries are cut from it. */
class WebhookBodiesH2Test {

  private static final int RUNS = 1_000;

  private final TestDatabases databases = new TestDatabases();
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final JdbcStore store = databases.h2();

  @AfterEach
  void dropDatabases() {
    databases.close();
  }

  @Test
  void should_grow_the_database_by_less_than_twice_the_body_when_a_body_lists_a_thousand_runs() {
    String body = bodyListingRuns();
    long before = storedBodyBytes();

    for (int i = 0; i < RUNS; i++) {
      FailureEvent event = new FailureEvent(RunKey.of(Source.ADF, runId(i)), "PL_Sales", "PL_Sales", "adf-prod",
          clock.instant(), Optional.of("boom"), body);
      store.inbox(clock).accept(new Delivery("sha256:feed/" + runId(i), event, Map.of(), clock.instant()));
    }

    assertThat(store.inbox(clock).counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RUNS);
    assertThat(storedBodyBytes() - before).isLessThan(2L * body.length());
    assertThat(store.inbox(clock).rawBody("sha256:feed/" + runId(RUNS - 1))).contains(body);
  }

  /** The text of webhook bodies the database holds, in the inbox and in the shared bodies. */
  private long storedBodyBytes() {
    return store.jdbi().withHandle(h -> h.createQuery("""
            SELECT COALESCE((SELECT SUM(LENGTH(body)) FROM inbox), 0)
                + COALESCE((SELECT SUM(LENGTH(body)) FROM webhook_bodies), 0)""")
        .mapTo(Long.class).one());
  }

  private static String bodyListingRuns() {
    StringJoiner runs = new StringJoiner(",", "[", "]");
    for (int i = 0; i < RUNS; i++) {
      runs.add("{\"pipelineName\":\"PL_Sales\",\"runId\":\"" + runId(i) + "\",\"status\":\"Failed\","
          + "\"message\":\"Operation on target Copy failed\"}");
    }
    return runs.toString();
  }

  private static String runId(int i) {
    return String.format("6f1c2d3e-0000-4000-8000-%012d", i);
  }
}
