package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.adf.AdfStub;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryNotifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure Data Factory webhooks through HTTP, the inbox, the Entra ID and ARM stub (and the Databricks stub behind a
 * notebook activity) and the pipeline, to tickets: a metric alert that names no run, and a pipeline's own post.
 */
class AdfEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The run of the Copy failure in the fixtures. */
  private static final String COPY_RUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01";
  /** The run of the Databricks notebook failure in the fixtures. */
  private static final String NOTEBOOK_RUN = "3f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
  /** The Databricks run and its one task behind the notebook activity. */
  private static final String DATABRICKS_RUN = "6685";
  private static final String DATABRICKS_TASK_RUN = "6686";
  private static final String RUN_PAGE =
      "https://adb-0000000000000000.azuredatabricks.net/?o=000000000000000#job/1020238042942886/run/6685";

  /** What a notebook prints when Spark's analyzer fails inside a PySpark call. */
  private static final String PY4J_TRACE = String.join("\n",
      "---------------------------------------------------------------------------",
      "Py4JJavaError                             Traceback (most recent call last)",
      "File /Workspace/etl/process_files:17",
      "---> 17 df.write.mode(\"append\").saveAsTable(\"prod.sales.files_processed\")",
      "Py4JJavaError: An error occurred while calling o233.saveAsTable.",
      ": org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view "
          + "`prod`.`sales`.`file_manifest` cannot be found. Verify the spelling and correctness of the schema and "
          + "catalog. SQLSTATE: 42P01",
      "\tat org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.tableNotFound(package.scala:87)");
  private static final String ADF_WRAPPER = "Databricks execution failed with error state: Terminated, error "
      + "message: Workload failed, see run output for details. For more details please check the run page url: "
      + RUN_PAGE + ".";

  @TempDir
  Path data;

  private final AdfStub adf = new AdfStub();
  private final DatabricksStub databricks = new DatabricksStub();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    adf.close();
    databricks.close();
  }

  private void start(boolean withDatabricks) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "AZURE_SUBSCRIPTION_ID", AdfStub.SUBSCRIPTION,
        "ADF_RESOURCE_GROUP", "rg-data-prod",
        "ADF_FACTORY_NAME", "adf-sales-prod",
        "AZURE_TENANT_ID", AdfStub.TENANT,
        "AZURE_CLIENT_ID", "sp-client-id",
        "AZURE_CLIENT_SECRET", "sp-client-secret-value",
        "AZURE_AUTHORITY_HOST", adf.uri().toString(),
        "AZURE_MANAGEMENT_URL", adf.uri().toString()));
    if (withDatabricks) {
      settings.put("DATABRICKS_HOST", databricks.uri().toString());
      settings.put("DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000");
    }
    service = E2eService.start(data, settings, Optional.of(notifier));
  }

  // --- a. a metric alert names no run: the failed runs of its window are found through ARM ---

  @Test
  void should_file_one_ticketed_incident_per_failed_run_when_a_metric_alert_names_no_run() {
    servesTwoFailedRunsAcrossPages();
    start(false);

    HttpResponse<String> answer = service.post("/webhooks/adf", metricAlert());

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).contains("accepted");
    List<Incident> incidents = service.awaitIncidents(
        list -> list.size() == 2 && list.stream().allMatch(i -> i.ticket().isPresent()), WAIT);
    // The notebook failure is filed under the Databricks run its activity ran: the innermost run of its chain.
    assertThat(incidents).extracting(i -> i.firstRun().runId().value())
        .containsExactlyInAnyOrder(COPY_RUN, DATABRICKS_RUN);
    assertThat(incidents).allSatisfy(incident -> {
      assertThat(incident.occurrences()).isEqualTo(1);
      assertThat(incident.ticket().orElseThrow().key()).startsWith("RCA-");
    });
    assertThat(byRun(incidents, COPY_RUN).analysis().failedTask()).isEqualTo("Copy sales");
    assertThat(byRun(incidents, DATABRICKS_RUN).analysis().failedTask()).isEqualTo("Process Files");
    // The pipeline run is linked in ADF Studio's monitoring UI, from the incident and from its ticket; the notebook
    // failure, filed under its Databricks run, links that run's page.
    String monitoring = "https://adf.azure.com/en/monitoring/pipelineruns/" + COPY_RUN + "?factory="
        + java.net.URLEncoder.encode(AdfStub.FACTORY, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(byRun(incidents, COPY_RUN).runPageUrl()).contains(monitoring);
    assertThat(ticketDescription(byRun(incidents, COPY_RUN))).contains(monitoring);
    assertThat(byRun(incidents, DATABRICKS_RUN).runPageUrl()).hasValueSatisfying(url ->
        assertThat(url).contains("azuredatabricks.net", "/run/" + DATABRICKS_RUN));
    // Three pages of the window query; each run is read once although the first one is listed twice.
    assertThat(adf.failedRunQueries()).hasSize(3);
    assertThat(adf.seen(AdfStub.FACTORY + "/pipelineruns/" + COPY_RUN)).hasSize(1);
    assertThat(adf.seen(AdfStub.FACTORY + "/pipelineruns/" + NOTEBOOK_RUN)).hasSize(1);
  }

  @Test
  void should_file_no_new_incident_when_the_same_alert_is_posted_again() {
    servesTwoFailedRunsAcrossPages();
    start(false);
    service.post("/webhooks/adf", metricAlert());
    service.awaitIncidents(list -> list.size() == 2 && list.stream().allMatch(i -> i.ticket().isPresent()), WAIT);

    HttpResponse<String> again = service.post("/webhooks/adf", metricAlert());
    // The same rule firing for the next window finds the same runs: they are duplicates by run id.
    HttpResponse<String> refired = service.post("/azure-monitor", metricAlert()
        .replace("2026-11-20T03:46:12.5512731Z", "2026-11-20T03:51:12.5512731Z"));

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).contains("duplicate");
    assertThat(refired.statusCode()).isEqualTo(202);
    assertThat(refired.body()).contains("accepted");
    await(() -> adf.failedRunQueries().size() == 6
        && service.wiring().inbox().counts().getOrDefault(DeliveryStatus.PENDING, 0L) == 0);
    assertThat(service.incidents()).hasSize(2).allSatisfy(i -> assertThat(i.occurrences()).isEqualTo(1));
    assertThat(adf.seen(AdfStub.FACTORY + "/pipelineruns/" + COPY_RUN)).hasSize(1);
  }

  // --- b. a pipeline's own Web activity names a run whose notebook activity failed in Databricks ---

  @Test
  void should_name_the_notebook_exception_as_root_cause_when_a_databricks_activity_fails() {
    servesTheNotebookFailure();
    start(true);

    HttpResponse<String> answer = service.post("/azure-monitor", webActivityBody());

    assertThat(answer.statusCode()).isEqualTo(202);
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        WAIT).get(0);
    // Keyed on the Databricks run the activity ran, so that its own webhook would join; the pipeline is impact.
    assertThat(incident.firstRun()).isEqualTo(RunKey.of(Source.DATABRICKS, DATABRICKS_RUN));
    assertThat(incident.analysis().rootCauseLine()).contains("[TABLE_OR_VIEW_NOT_FOUND]")
        .contains("`prod`.`sales`.`file_manifest`")
        .doesNotContain("Databricks execution failed").doesNotStartWith("Py4JJavaError");
    // The analyzer blames the innermost failed task: the Databricks task under the ADF activity.
    assertThat(incident.analysis().failedTask()).isEqualTo("process_files");
    assertThat(incident.ticket().orElseThrow().key()).startsWith("RCA-");
    assertThat(databricks.seen("/api/2.2/jobs/runs/get")).extracting(s -> s.query().get("run_id"))
        .contains(DATABRICKS_RUN);
    assertThat(databricks.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly(DATABRICKS_TASK_RUN);
    // The message goes out after the ticket is recorded: wait for it rather than race it.
    await(() -> !notifier.sent().isEmpty());
    assertThat(notifier.sent()).singleElement().extracting(Notification::text).asString()
        .contains("[TABLE_OR_VIEW_NOT_FOUND]");
    // The ticket tells the chain: the Databricks task inside the ADF activity, and the wrapper text ADF gave.
    assertThat(ticketDescription(incident)).contains("Failed task: process_files [notebook_task, FAILED] inside Process Files")
        .contains("databricks_run_id=6685").contains("Databricks execution failed")
        .contains("Impact: wrapped by adf pl_sales_files, run ADF:" + NOTEBOOK_RUN);
  }

  @Test
  void should_leave_the_databricks_webhook_of_the_same_run_a_duplicate_when_the_adf_alert_came_first() {
    servesTheNotebookFailure();
    start(true);
    service.post("/azure-monitor", webActivityBody());
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        WAIT).get(0);
    service.awaitSettled(WAIT);

    HttpResponse<String> own = service.post("/webhooks/databricks", databricksWebhook());

    assertThat(own.body()).contains("duplicate");
    assertThat(service.incidents()).singleElement().satisfies(only -> {
      assertThat(only.id()).isEqualTo(incident.id());
      assertThat(only.occurrences()).isEqualTo(1);
    });
  }

  @Test
  void should_let_the_adf_alert_join_the_incident_of_the_databricks_webhook_that_came_first() {
    servesTheNotebookFailure();
    start(true);
    service.post("/webhooks/databricks", databricksWebhook());
    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
        WAIT).get(0);
    service.awaitSettled(WAIT);

    HttpResponse<String> adfAlert = service.post("/azure-monitor", webActivityBody());
    service.awaitSettled(WAIT);

    assertThat(adfAlert.body()).contains("accepted");
    assertThat(incident.firstRun()).isEqualTo(RunKey.of(Source.DATABRICKS, DATABRICKS_RUN));
    assertThat(service.incidents()).singleElement().satisfies(only -> {
      assertThat(only.id()).isEqualTo(incident.id());
      assertThat(only.occurrences()).isEqualTo(1);
    });
    assertThat(service.wiring().audit().auditTrail(RunKey.of(Source.ADF, NOTEBOOK_RUN)))
        .extracting(AuditEntry::action).contains(AuditAction.FAILURE_CHAIN).doesNotContain(AuditAction.TICKET_CREATED);
    await(() -> notifier.sent().size() == 1);
  }

  // --- c. bodies with nothing to analyse ---

  @Test
  void should_ignore_a_resolved_alert() {
    start(false);

    HttpResponse<String> answer = service.post("/webhooks/adf",
        fixture("common-alert-schema-adf-metric-pipelinefailedruns-resolved.json"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("ignored").contains("resolved");
    assertThat(service.incidents()).isEmpty();
    assertThat(adf.seen()).isEmpty();
  }

  @Test
  void should_answer_400_with_the_reason_when_the_body_has_nothing_usable() {
    start(false);

    HttpResponse<String> answer = service.post("/webhooks/adf", "{\"hello\":\"world\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_webhook").contains("pipelineRunId");
    assertThat(service.incidents()).isEmpty();
  }

  // --- d. the key ---

  @Test
  void should_refuse_a_webhook_without_the_key() {
    start(false);

    HttpResponse<String> refused = send(HttpRequest.newBuilder(service.uri("/webhooks/adf")));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(service.wiring().inbox().counts().values().stream().mapToLong(Long::longValue).sum()).isZero();
  }

  @Test
  void should_accept_the_key_as_a_code_query_parameter_when_the_sender_cannot_set_headers() {
    servesTwoFailedRunsAcrossPages();
    start(false);

    HttpResponse<String> accepted = send(HttpRequest.newBuilder(
        service.uri("/azure-monitor?code=" + E2eService.KEY)));

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.body()).contains("accepted");
    service.awaitIncidents(list -> list.size() == 2, WAIT);
  }

  // --- the stubs' answers ---

  private static String metricAlert() {
    return fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(metricAlert())).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The window query lists the Copy run, then an empty page, then both runs: the Copy run is repeated. */
  private void servesTwoFailedRunsAcrossPages() {
    String copyRun = compact(fixture("pipelinerun-get-failed.json"));
    String notebookRun = notebookPipelineRun();
    adf.pipelineRunQuery(
        "{\"value\":[" + copyRun + "],\"continuationToken\":\"{\\\"token\\\":\\\"p2\\\"}\"}",
        "{\"value\":[],\"continuationToken\":\"{\\\"token\\\":\\\"p3\\\"}\"}",
        "{\"value\":[" + copyRun + "," + notebookRun + "]}")
        .pipelineRun(COPY_RUN, copyRun)
        .activityRuns(COPY_RUN, fixture("activityruns-query-failed-copy.json"))
        .pipelineRun(NOTEBOOK_RUN, notebookRun)
        .activityRuns(NOTEBOOK_RUN, notebookActivityRuns());
  }

  private void servesTheNotebookFailure() {
    adf.pipelineRun(NOTEBOOK_RUN, notebookPipelineRun()).activityRuns(NOTEBOOK_RUN, notebookActivityRuns());
    databricks.run(DATABRICKS_RUN, databricksRun()).output(DATABRICKS_TASK_RUN, notebookOutput());
  }

  private static String notebookPipelineRun() {
    ObjectNode run = (ObjectNode) AdfStub.json(fixture("pipelinerun-get-failed.json"));
    run.put("id", AdfStub.FACTORY + "/pipelineruns/" + NOTEBOOK_RUN);
    run.put("runId", NOTEBOOK_RUN);
    run.put("runGroupId", NOTEBOOK_RUN);
    run.put("pipelineName", "pl_sales_files");
    run.put("message", "Operation on target Process Files failed: " + ADF_WRAPPER);
    return run.toString();
  }

  /** The fixture's failed notebook activity, as ADF reports a notebook that threw: the wrapper text only. */
  private static String notebookActivityRuns() {
    ObjectNode page = (ObjectNode) AdfStub.json(fixture("activityruns-databricks-notebook-failed.json"));
    ObjectNode activity = (ObjectNode) page.path("value").get(0);
    activity.put("pipelineName", "pl_sales_files");
    ((ObjectNode) activity.path("error")).put("message", ADF_WRAPPER);
    ((ObjectNode) activity.path("input")).put("notebookPath", "/Workspace/etl/process_files");
    return page.toString();
  }

  /** A runs submit run of one notebook task, as the activity starts it. */
  private static String databricksRun() {
    return """
        {"job_id": 1020238042942886, "run_id": 6685, "run_name": "ADF_adf-sales-prod_pl_sales_files_Process Files",
         "run_type": "SUBMIT_RUN", "format": "MULTI_TASK",
         "run_page_url": "%s",
         "start_time": 1795143302861, "end_time": 1795143341221,
         "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED",
                   "state_message": "Workload failed, see run output for details"},
         "tasks": [{"task_key": "process_files", "run_id": 6686, "attempt_number": 0,
                    "notebook_task": {"notebook_path": "/Workspace/etl/process_files", "source": "WORKSPACE"},
                    "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED",
                              "state_message": "Workload failed, see run output for details"}}]}
        """.formatted(RUN_PAGE);
  }

  private static String notebookOutput() {
    ObjectNode output = (ObjectNode) AdfStub.json(
        DatabricksStub.fixture("runs-get-output-notebook-table-not-found.json"));
    ObjectNode metadata = (ObjectNode) output.path("metadata");
    metadata.put("run_id", 6686).put("job_run_id", 6685).put("task_key", "process_files");
    output.put("error", "Py4JJavaError: An error occurred while calling o233.saveAsTable.");
    output.put("error_trace", PY4J_TRACE);
    return output.toString();
  }

  private static String webActivityBody() {
    ObjectNode body = (ObjectNode) AdfStub.json(fixture("web-activity-failure-body-rendered.json"));
    body.put("pipelineName", "pl_sales_files");
    body.put("pipelineRunId", NOTEBOOK_RUN);
    body.put("failedActivityName", "Process Files");
    body.put("errorCode", "3204");
    body.put("message", ADF_WRAPPER);
    return body.toString();
  }

  /** The Databricks job notification for the run the notebook activity started. */
  private static String databricksWebhook() {
    return DatabricksStub.fixture("webhook-job-failure.json").replace("455644833", DATABRICKS_RUN)
        .replace("11223344", "1020238042942886");
  }

  private static String compact(String json) {
    return AdfStub.json(json).toString();
  }

  /** The description the built-in tracker keeps, read from its table in the service's H2 file. */
  private String ticketDescription(Incident incident) {
    String url = JdbcSettings.h2File(data).url();
    try (Connection connection = DriverManager.getConnection(url, "", "");
        PreparedStatement query = connection.prepareStatement("SELECT description FROM tickets WHERE ticket_key = ?")) {
      query.setString(1, incident.ticket().orElseThrow().key());
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("ticket row").isTrue();
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Incident byRun(List<Incident> incidents, String runId) {
    return incidents.stream().filter(i -> i.firstRun().runId().value().equals(runId)).findFirst().orElseThrow();
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within " + WAIT);
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
