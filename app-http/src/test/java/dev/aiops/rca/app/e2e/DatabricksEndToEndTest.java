package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Databricks failure webhook, through HTTP, the inbox, the Jobs API stub and the pipeline, to a ticket. */
class DatabricksEndToEndTest {

  /** What a notebook task prints when Spark's analyzer fails inside a PySpark call. */
  private static final String PY4J_TRACE = String.join("\n",
      "---------------------------------------------------------------------------",
      "Py4JJavaError                             Traceback (most recent call last)",
      "File /Workspace/Repos/etl/ETL_Transform:42",
      "---> 42 df.write.mode(\"append\").saveAsTable(\"prod.sales.orders_enriched\")",
      "Py4JJavaError: An error occurred while calling o412.saveAsTable.",
      ": org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view "
          + "`prod`.`sales`.`customers` cannot be found. Verify the spelling and correctness of the schema and "
          + "catalog. SQLSTATE: 42P01",
      "\tat org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)",
      "\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:95)");

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

  private E2eService start() {
    service = E2eService.start(data, Map.of(
        "DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000"));
    return service;
  }

  private static String py4jOutput() {
    try {
      ObjectNode output = (ObjectNode) new ObjectMapper().readTree(fixture("runs-get-output-notebook-table-not-found.json"));
      output.put("error", "Py4JJavaError: An error occurred while calling o412.saveAsTable.");
      output.put("error_trace", PY4J_TRACE);
      return output.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void should_file_an_incident_that_names_the_failed_task_and_the_root_cause_when_a_multi_task_run_fails() {
    databricks.run("455644833", fixture("runs-get-multitask-failed.json")).output("455644902", py4jOutput());
    start();

    HttpResponse<String> answer = service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).contains("accepted");
    // The message goes out after the ticket is recorded: wait for its audit entry rather than race it.
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && service.audit(list.get(0)).stream().anyMatch(e -> e.action() == AuditAction.NOTIFIED),
        Duration.ofSeconds(20)).get(0);
    // The ticket is on the incident before the Slack message is sent: the trail is complete once the delivery is.
    service.awaitSettled(Duration.ofSeconds(20));
    assertThat(incident.analysis().failedTask()).isEqualTo("transform");
    assertThat(incident.analysis().rootCauseLine()).contains("[TABLE_OR_VIEW_NOT_FOUND]")
        .contains("`prod`.`sales`.`customers`").doesNotStartWith("Py4JJavaError");
    assertThat(incident.analysis().category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
    // publish waited for transform: held back by this failure, it is part of this incident, shown on its page.
    assertThat(incident.impact()).containsExactly("publish UPSTREAM_FAILED");
    assertThat(incident.ticket().orElseThrow().key()).startsWith("RCA-");
    assertThat(databricks.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902");
    assertThat(service.audit(incident)).extracting(AuditEntry::action)
        .contains(AuditAction.INCIDENT_OPENED, AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
    // The incident's trail, as the dashboard and the API show it, starts where the run did: at its webhook.
    assertThat(service.wiring().queryIncidents().details(incident.id()).orElseThrow().auditTrail())
        .allSatisfy(entry -> assertThat(entry.actor()).isNotBlank())
        .extracting(AuditEntry::action).containsSubsequence(AuditAction.RECEIVED, AuditAction.FETCHED,
            AuditAction.ANALYZED, AuditAction.INCIDENT_OPENED, AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
  }

  @Test
  void should_count_a_second_webhook_of_the_same_run_as_a_duplicate() {
    databricks.run("455644833", fixture("runs-get-multitask-failed.json")).output("455644902", py4jOutput());
    start();

    service.post("/webhooks/databricks", fixture("webhook-job-failure.json"));
    HttpResponse<String> again = service.post("/databricks-monitor", fixture("webhook-job-failure-numeric-ids.json"));

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).contains("duplicate");
    List<Incident> incidents = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20));
    assertThat(incidents.get(0).occurrences()).isEqualTo(1);
  }

  @Test
  void should_refuse_a_webhook_without_the_key() throws Exception {
    start();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            service.post("/health/x", "").uri().resolve("/webhooks/databricks").toString()))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fixture("webhook-job-failure.json"))).build();

    HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(service.incidents()).isEmpty();
  }

  @Test
  void should_analyse_the_webhook_alone_and_say_so_when_the_workspace_refuses_the_token() {
    databricks.script("/api/2.2/jobs/runs/get",
        DatabricksStub.Answer.json(403, fixture("error-403-invalid-access-token.json")));
    start();

    service.post("/webhooks/databricks", "{\"event\":\"on_failure\",\"run_id\":77,\"job_id\":7,"
        + "\"job_name\":\"etl_orders\",\"error_message\":\"java.net.ConnectException: Connection refused\"}");

    Incident incident = service.awaitIncidents(list -> list.size() == 1, Duration.ofSeconds(20)).get(0);
    assertThat(incident.analysis().flags()).contains(dev.aiops.rca.domain.AnalysisFlag.DEGRADED_SOURCE);
    assertThat(service.wiring().audit().auditTrail(incident.firstRun())).extracting(AuditEntry::detail)
        .anySatisfy(detail -> assertThat(detail).contains("DATABRICKS_TOKEN"));
  }

  @Test
  void should_open_no_ticket_and_record_the_recovery_when_the_retry_of_the_failed_task_succeeded() {
    databricks.run(RetriedRun.RUN, RetriedRun.succeeded());
    start();

    assertThat(service.post("/webhooks/databricks", RetriedRun.WEBHOOK).statusCode()).isEqualTo(202);
    service.awaitSettled(Duration.ofSeconds(20));

    assertThat(service.incidents()).isEmpty();
    assertThat(service.wiring().audit().auditTrail(RunKey.of(Source.DATABRICKS, RetriedRun.RUN)))
        .extracting(AuditEntry::action).contains(AuditAction.RECOVERED)
        .doesNotContain(AuditAction.INCIDENT_OPENED, AuditAction.TICKET_CREATED, AuditAction.NOTIFIED);
  }

  @Test
  void should_open_an_incident_when_the_retry_failed_too() {
    databricks.run(RetriedRun.RUN, RetriedRun.failedAgain())
        .output(RetriedRun.SECOND_ATTEMPT, fixture("runs-get-output-notebook-table-not-found.json"));
    start();

    service.post("/webhooks/databricks", RetriedRun.WEBHOOK);

    assertThat(service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        Duration.ofSeconds(20))).singleElement()
        .satisfies(incident -> assertThat(incident.analysis().failedTask()).isEqualTo("load"));
  }
}
