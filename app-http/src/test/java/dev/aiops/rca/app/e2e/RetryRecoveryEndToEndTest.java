package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Databricks task that failed and was retried: {@code runs/get} lists every attempt of the task, and the latest
 * attempt decides. A retry that succeeded needs no ticket and no alert; a retry that failed too is an incident.
 */
class RetryRecoveryEndToEndTest {

  private static final String RUN = "910000000";
  private static final String WEBHOOK = "{\"event_type\":\"jobs.on_failure\",\"workspace_id\":\"1234567890123456\","
      + "\"run\":{\"run_id\":\"" + RUN + "\"},\"job\":{\"job_id\":\"77889900\",\"name\":\"hourly_load\"}}";

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
  }

  private void start() {
    service = E2eService.start(data, Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000"));
  }

  @Test
  void should_open_no_ticket_and_record_the_recovery_when_the_retry_of_the_failed_task_succeeded() {
    databricks.run(RUN, retrySucceeded());
    start();

    assertThat(service.post("/webhooks/databricks", WEBHOOK).statusCode()).isEqualTo(202);
    awaitSettled();

    assertThat(service.incidents()).isEmpty();
    assertThat(service.wiring().audit().auditTrail(RunKey.of(Source.DATABRICKS, RUN)))
        .extracting(AuditEntry::action).contains(AuditAction.RECOVERED)
        .doesNotContain(AuditAction.INCIDENT_OPENED, AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
  }

  @Test
  void should_open_an_incident_when_the_retry_failed_too() {
    databricks.run(RUN, fixture("runs-get-task-retried.json"))
        .output("910000002", fixture("runs-get-output-notebook-table-not-found.json"));
    start();

    service.post("/webhooks/databricks", WEBHOOK);

    assertThat(service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20))).singleElement()
        .satisfies(incident -> assertThat(incident.analysis().failedTask()).isEqualTo("load"));
  }

  /** The fixture's run with its second attempt succeeded, and the run with it. */
  private static String retrySucceeded() {
    try {
      ObjectNode run = (ObjectNode) new ObjectMapper().readTree(fixture("runs-get-task-retried.json"));
      ObjectNode success = (ObjectNode) new ObjectMapper().readTree(
          "{\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"SUCCESS\",\"state_message\":\"\","
              + "\"user_cancelled_or_timedout\":false}");
      ObjectNode status = (ObjectNode) new ObjectMapper().readTree(
          "{\"state\":\"TERMINATED\",\"termination_details\":{\"code\":\"SUCCESS\",\"type\":\"SUCCESS\","
              + "\"message\":\"\"}}");
      run.set("state", success.deepCopy());
      run.set("status", status.deepCopy());
      ObjectNode retry = (ObjectNode) run.withArray("tasks").get(1);
      retry.set("state", success);
      retry.set("status", status);
      return run.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitSettled() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (service.wiring().deliveries().counts().get(DeliveryStatus.DONE) == 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not processed: " + service.wiring().deliveries().list(java.util.Optional.empty(),
            10));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
