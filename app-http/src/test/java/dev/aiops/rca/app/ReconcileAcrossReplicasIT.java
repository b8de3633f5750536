package dev.aiops.rca.app;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.RecordingStub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three service instances on one PostgreSQL database, each with the sweep scheduled every two seconds: the lease
 * makes one of them sweep per interval, so the workspace is listed at most once an interval, and the run that only
 * the listing knows gets one incident and one ticket.
 */
class ReconcileAcrossReplicasIT {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final String RUN = "455644833";
  private static final String RUNS_LIST = "/api/2.2/jobs/runs/list";

  @Test
  void should_sweep_once_per_interval_when_three_replicas_share_one_database() throws Exception {
    try (PostgresSchema schema = PostgresSchema.create();
        DatabricksStub databricks = new DatabricksStub()) {
      databricks.run(RUN, fixture("runs-get-multitask-failed.json"))
          .output("455644902", fixture("runs-get-output-notebook-table-not-found.json"))
          .runList(DatabricksStub.failedRunList(RUN, Instant.now().minus(Duration.ofMinutes(2))));
      Map<String, String> env = new HashMap<>(schema.environment());
      env.put("DATABRICKS_HOST", databricks.uri().toString());
      env.put("DATABRICKS_TOKEN", "dapi-replica-token-0000000000000000");
      env.put("RCA_RECONCILE_INTERVAL", INTERVAL.toSeconds() + "s");
      ConfigSource source = ConfigSource.of(env);
      RcaService.Launch launch = RcaService.Launch.of(AppConfig.from(source), WebSettings.dashboard(source),
              WebSettings.webhookLimits(source), new Secret("replica-key-0123456789"))
          .on("127.0.0.1", 0).withoutDashboard();
      List<RcaService> replicas = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          replicas.add(RcaService.start(launch));
        }
        List<RecordingStub.Seen> listings = awaitListings(databricks, 4, INTERVAL.multipliedBy(10));

        // A lease lasts one interval from when it is taken, and each listing follows its lease at once: consecutive
        // listings are an interval apart, less the spread of the time between taking a lease and listing.
        for (int i = 1; i < listings.size(); i++) {
          long gapMillis = (listings.get(i).atNanos() - listings.get(i - 1).atNanos()) / 1_000_000;
          assertThat(gapMillis).as("gap before listing %d", i).isGreaterThan(INTERVAL.toMillis() * 3 / 4);
        }
        ExactlyOnceAcrossReplicasIT.awaitDone(replicas.get(0).wiring(), Duration.ofSeconds(30));
        assertThat(replicas.get(0).wiring().incidents().list(IncidentQuery.all(10))).singleElement()
            .satisfies(incident -> assertThat(incident.ticket()).isPresent());
        assertThat(schema.count("SELECT COUNT(*) FROM tickets")).isEqualTo(1);
        assertThat(schema.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'FOUND_BY_SWEEP'")).isEqualTo(1);
        assertThat(schema.count("SELECT COUNT(*) FROM sweep_leases")).isEqualTo(1);
      } finally {
        replicas.forEach(RcaService::close);
      }
    }
  }

  private static List<RecordingStub.Seen> awaitListings(DatabricksStub databricks, int count, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (databricks.seen(RUNS_LIST).size() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("only " + databricks.seen(RUNS_LIST).size() + " listing(s) within " + timeout);
      }
      Thread.sleep(50);
    }
    return databricks.seen(RUNS_LIST).subList(0, count);
  }
}
