package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backfill --since} against the Databricks stub and the embedded H2 store. */
class BackfillCommandTest {

  private static final String RUN = "455644833";

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    databricks.close();
  }

  private Map<String, String> settings() {
    Map<String, String> env = new HashMap<>();
    env.put("RCA_DATA_DIR", data.toString());
    env.put("DATABRICKS_HOST", databricks.uri().toString());
    env.put("DATABRICKS_TOKEN", "dapi-backfill-token-000000000000000000");
    return env;
  }

  private int backfill(Map<String, String> settings, String... args) {
    BackfillCommand command = new BackfillCommand();
    command.source = ConfigSource.of(settings);
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void should_store_the_failed_runs_of_the_last_day_that_the_inbox_has_not_seen_and_say_how_many() {
    databricks.runList(DatabricksStub.failedRunList(RUN, Instant.now().minus(Duration.ofHours(20))));
    Instant before = Instant.now();

    assertThat(backfill(settings(), "--since", "24h")).isZero();
    assertThat(backfill(settings(), "--since", "24h")).isZero();

    assertThat(out.toString()).contains("DATABRICKS: 1 failed run(s) from", ", 1 new (stored in the inbox)",
        ", 0 new (stored in the inbox)");
    long from = Long.parseLong(databricks.seen("/api/2.2/jobs/runs/list").get(0).query().get("start_time_from"));
    // The listing reaches back the day asked for, and a day more for the runs that started before it.
    assertThat(Instant.ofEpochMilli(from)).isBetween(before.minus(Duration.ofHours(48)).minusSeconds(5),
        before.minus(Duration.ofHours(48)).plusSeconds(5));
    try (JdbcStore store = JdbcStore.open(Wiring.databaseSettings(AppConfig.from(ConfigSource.of(settings()))))) {
      assertThat(store.inbox(Clock.systemUTC()).find("sweep:DATABRICKS:" + RUN)).map(DeliveryEntry::status)
          .contains(DeliveryStatus.PENDING);
      assertThat(store.inbox(Clock.systemUTC()).list(Optional.empty(), 10)).hasSize(1);
      assertThat(store.sweepLedger().sweptUntil(Source.DATABRICKS)).isEmpty();
    }
  }

  @Test
  void should_exit_with_1_naming_the_platform_when_it_cannot_be_listed() {
    databricks.script("/api/2.2/jobs/runs/list",
        DatabricksStub.Answer.json(403, DatabricksStub.fixture("error-403-invalid-access-token.json")));

    assertThat(backfill(settings(), "--since", "2h")).isEqualTo(1);
    assertThat(out.toString()).contains("DATABRICKS: could not be listed").contains("DATABRICKS_TOKEN");
  }

  @Test
  void should_exit_with_2_when_no_platform_is_configured_or_the_duration_is_not_one() {
    assertThat(backfill(Map.of("RCA_DATA_DIR", data.toString()), "--since", "24h")).isEqualTo(2);
    assertThat(err.toString()).contains("no platform is configured");

    assertThat(backfill(settings(), "--since", "yesterday")).isEqualTo(2);
    assertThat(backfill(settings(), "--since", "0h")).isEqualTo(2);
    assertThat(err.toString()).contains("'yesterday' is not a duration such as 30m, 24h or 7d");
    assertThat(databricks.seen("/api/2.2/jobs/runs/list")).isEmpty();
  }
}
