package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void should_grow_the_database_file_by_megabytes_not_hundreds_when_a_hundred_kilobyte_body_lists_a_thousand_runs(
      @TempDir Path dataDir) throws IOException {
    String body = bodyListingRuns();
    JdbcStore file = JdbcStore.open(JdbcSettings.h2File(dataDir));
    long before = databaseFileBytes(dataDir);
    try {
      for (int i = 0; i < RUNS; i++) {
        FailureEvent event = new FailureEvent(RunKey.of(Source.ADF, runId(i)), "PL_Sales", "PL_Sales", "adf-prod",
            clock.instant(), Optional.of("boom"), body);
        file.inbox(clock).accept(new Delivery("sha256:feed/" + runId(i), event, Map.of(), clock.instant()));
      }
    } finally {
      file.close();
    }

    // The file as it is on disk, page overhead and indexes included: a copy of the body per run made this ~300 MB.
    long grown = databaseFileBytes(dataDir) - before;
    assertThat(body.length()).isGreaterThan(100_000);
    assertThat(grown).isLessThan(10L * 1024 * 1024);
  }

  private static long databaseFileBytes(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".db")).mapToLong(f -> f.toFile().length()).sum();
    }
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
