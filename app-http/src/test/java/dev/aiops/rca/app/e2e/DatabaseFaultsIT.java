package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.app.PostgresSchema;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database drops every connection of the service, twice, while a webhook is being processed (PostgreSQL
 * {@code pg_terminate_backend}, as a restart or a failover does): the delivery still ends with exactly one ticket and
 * one message. Skipped when PostgreSQL is unreachable, unless {@code CI=true}.
 */
class DatabaseFaultsIT {

  @TempDir
  Path data;

  @Test
  @Timeout(90)
  void should_open_exactly_one_ticket_when_the_database_drops_its_connections_during_processing() throws Exception {
    String application = "rca-db-faults-" + UUID.randomUUID().toString().substring(0, 8);
    try (PostgresSchema schema = PostgresSchema.create(); Dependencies deps = new Dependencies()) {
      // The output call is slow, so that the connections are dropped while the delivery is in the middle of its work.
      deps.databricks.script("/api/2.2/jobs/runs/get-output", new DatabricksStub.Answer(200,
          DatabricksStub.fixture("runs-get-output-notebook-table-not-found.json"),
          Map.of("Content-Type", "application/json"), Duration.ofMillis(700)));
      Map<String, String> settings = new HashMap<>(deps.settings());
      settings.putAll(schema.environment());
      settings.put("RCA_DB_URL", settings.get("RCA_DB_URL") + "&ApplicationName=" + application);
      try (E2eService service = E2eService.start(data, settings, Optional.empty(), Dependencies::fastRetries,
          DependencyFaultsTest.FAST_INBOX, false)) {

        HttpResponse<String> answer = service.post("/webhooks/databricks", Dependencies.WEBHOOK);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        await(() -> !deps.databricks.seen("/api/2.2/jobs/runs/get").isEmpty());
        int first = schema.terminate(application);
        await(() -> deps.jira.issueCount() == 1);
        int second = schema.terminate(application);
        // A webhook that arrives while the pool reconnects is stored, or refused with 503 for the sender to retry.
        HttpResponse<String> during = service.post("/webhooks/databricks",
            "{\"event\":\"on_failure\",\"run_id\":78,\"job_id\":7,\"job_name\":\"etl\",\"error_message\":\"x\"}");
        assertThat(during.statusCode()).as(during.body()).isIn(202, 503);

        Incident incident = settle(service, during.statusCode() == 202 ? 2 : 1);
        assertThat(first + second).as("connections ended").isPositive();
        assertThat(deps.jira.issueCount()).isEqualTo(incidentsWithTickets(service));
        assertThat(service.audit(incident)).extracting(AuditEntry::action)
            .containsOnlyOnce(AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
        Map<DeliveryStatus, Long> counts = service.wiring().inbox().counts();
        assertThat(counts.get(DeliveryStatus.PENDING)).isZero();
        assertThat(counts.get(DeliveryStatus.DEAD)).isZero();
      }
    }
  }

  private static long incidentsWithTickets(E2eService service) {
    return service.incidents().stream().filter(i -> i.ticket().isPresent()).count();
  }

  /** Waits until every delivery is done and the incident of {@link Dependencies#RUN} has its ticket and message. */
  private static Incident settle(E2eService service, int deliveries) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      Map<DeliveryStatus, Long> counts = service.wiring().inbox().counts();
      List<Incident> incidents = service.incidents();
      Optional<Incident> ours = incidents.stream()
          .filter(i -> i.firstRun().runId().value().equals(Dependencies.RUN)).findFirst();
      if (counts.get(DeliveryStatus.DONE) == deliveries && counts.get(DeliveryStatus.PENDING) == 0 && ours.isPresent()
          && ours.get().ticket().isPresent() && ours.get().notification().isPresent()) {
        return ours.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not settled: inbox " + counts + " " + service.wiring().inbox().list(
            Optional.empty(), 10) + ", incidents " + incidents);
      }
      sleep();
    }
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the pipeline never got that far");
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
