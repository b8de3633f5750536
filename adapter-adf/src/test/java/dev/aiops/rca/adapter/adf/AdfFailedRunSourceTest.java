package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.FACTORY;
import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static dev.aiops.rca.adapter.adf.AdfStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.WebhookReading;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.testkit.FailedRunSourceContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdfFailedRunSourceTest implements FailedRunSourceContract {

  static final String RUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01";
  static final String DBW_RUN = "3f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
  static final String PARENT = "a0a0a0a0-1111-4222-8333-444444444444";
  static final String MIDDLE = "b1b1b1b1-2222-4333-8444-555555555555";
  static final Instant AT = Instant.parse("2026-11-20T03:50:00Z");

  private final AdfStub stub = new AdfStub()
      .pipelineRun(RUN, fixture("pipelinerun-get-failed.json"))
      .activityRuns(RUN, fixture("activityruns-query-failed-copy.json"));
  private final List<FailureEvent> hopped = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    stub.close();
  }

  static FailureEvent event(String runId) {
    return new FailureEvent(RunKey.of(Source.ADF, runId), "pl_sales_daily", "pl_sales_daily", "adf-sales-prod", AT,
        Optional.empty(), "{\"pipelineRunId\":\"" + runId + "\"}");
  }

  /** pipelinerun-get-failed.json, renamed to another run and pipeline. */
  static String pipelineRun(String runId, String pipelineName) {
    return fixture("pipelinerun-get-failed.json").replace(RUN, runId).replace("pl_sales_daily", pipelineName);
  }

  @Override
  public FailedRunSource subject() {
    return new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty());
  }

  private AdfFailedRunSource withDatabricks(DatabricksHop hop) {
    return new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.of(hop));
  }

  @Override
  public FailureEvent knownFailure() {
    return event(RUN);
  }

  @Override
  public FailureEvent unknownRun() {
    return event("deadbeef-0000-4000-8000-000000000000");
  }

  @Test
  void should_sign_in_and_call_arm_with_the_api_version_and_a_window_around_the_run() {
    subject().fetch(knownFailure());

    AdfStub.Seen get = stub.seen(FACTORY + "/pipelineruns/" + RUN).get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.query()).containsEntry("api-version", "2018-06-01");
    assertThat(get.headers().get("authorization")).startsWith("Bearer eyJ0eXAi");
    AdfStub.Seen query = stub.seen(FACTORY + "/pipelineruns/" + RUN + "/queryActivityruns").get(0);
    assertThat(query.json().path("lastUpdatedAfter").asText()).isEqualTo("2026-11-19T03:00:00.000Z");
    assertThat(query.json().path("lastUpdatedBefore").asText()).isEqualTo("2026-11-21T04:00:00.000Z");
    assertThat(query.json().has("continuationToken")).isFalse();
  }

  @Test
  void should_link_the_pipeline_run_in_the_monitoring_ui_by_run_id_and_factory_resource_id_when_fetched() {
    FailedRun run = subject().fetch(knownFailure());

    assertThat(run.runPageUrl()).contains("https://adf.azure.com/en/monitoring/pipelineruns/" + RUN
        + "?factory=%2Fsubscriptions%2F" + AdfStub.SUBSCRIPTION + "%2FresourceGroups%2Frg-data-prod"
        + "%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Fadf-sales-prod");
  }

  @Test
  void should_link_the_studio_of_the_sovereign_cloud_when_arm_is_azure_china_or_us_government() {
    assertThat(AdfLinks.pipelineRunPage(java.net.URI.create("https://management.chinacloudapi.cn"), "/f", "r 1"))
        .isEqualTo("https://adf.azure.cn/en/monitoring/pipelineruns/r%201?factory=%2Ff");
    assertThat(AdfLinks.pipelineRunPage(java.net.URI.create("https://management.usgovcloudapi.net"), "/f", "r"))
        .startsWith("https://adf.azure.us/");
  }

  @Test
  void should_follow_the_continuation_token_of_an_empty_page_when_querying_activity_runs() {
    stub.activityRuns(RUN, fixture("activityruns-query-page1-empty-with-continuation.json"),
        fixture("activityruns-query-page2-final.json"));

    FailedRun run = subject().fetch(knownFailure());

    List<AdfStub.Seen> queries = stub.seen(FACTORY + "/pipelineruns/" + RUN + "/queryActivityruns");
    assertThat(queries).hasSize(2);
    assertThat(queries.get(1).json()).isEqualTo(json(fixture("activityruns-query-page1-request-with-continuation.json")));
    assertThat(run.tasks()).extracting(TaskRun::name).containsExactly("Copy sales");
  }

  @Test
  void should_follow_failed_execute_pipeline_activities_down_to_the_innermost_failure() {
    stub.pipelineRun(PARENT, pipelineRun(PARENT, "pl_nightly"))
        .activityRuns(PARENT, fixture("activityruns-executepipeline-parent.json"))
        .pipelineRun(MIDDLE, pipelineRun(MIDDLE, "pl_sales_wrapper"))
        .activityRuns(MIDDLE, fixture("activityruns-executepipeline-middle.json"));

    FailedRun run = subject().fetch(event(PARENT));

    assertThat(run.tasks()).extracting(TaskRun::name).containsExactly(
        "Run sales wrapper", "Run audit", "Run sales daily", "Get watermark", "Copy sales", "Notify RCA service");
    assertThat(run.tasks()).filteredOn(t -> t.name().equals("Copy sales")).singleElement().satisfies(copy -> {
      assertThat(copy.parent()).hasValue("Run sales daily");
      assertThat(copy.error().orElseThrow().code()).isEqualTo("2200");
      assertThat(copy.detail("pipeline_run_id")).hasValue(RUN);
    });
    // The succeeded "Run audit" child is not read: only failures are followed.
    assertThat(stub.seen(FACTORY + "/pipelineruns/c2c2c2c2-3333-4444-8555-666666666666")).isEmpty();
  }

  @Test
  void should_attach_the_databricks_run_behind_a_failed_notebook_activity() {
    stub.pipelineRun(DBW_RUN, pipelineRun(DBW_RUN, "DBW_ERROR"))
        .activityRuns(DBW_RUN, fixture("activityruns-databricks-notebook-failed.json"));

    FailedRun run = withDatabricks(this::databricksRun).fetch(event(DBW_RUN));

    FailureEvent asked = hopped.get(0);
    assertThat(asked.run()).isEqualTo(RunKey.of(Source.DATABRICKS, "6685"));
    assertThat(asked.jobId()).isEqualTo("1020238042942886");
    assertThat(asked.workspace()).isEqualTo("adb-0000000000000000.azuredatabricks.net");
    assertThat(asked.jobName()).isEqualTo("/Path/To/NonExistent/Notebook Name");
    assertThat(asked.reportedError()).hasValueSatisfying(e -> assertThat(e).contains("Notebook not found"));
    assertThat(run.tasks()).extracting(TaskRun::name).containsExactly("Process Files", "notebook_task");
    assertThat(run.tasks().get(1)).satisfies(task -> {
      assertThat(task.parent()).hasValue("Process Files");
      assertThat(task.error().orElseThrow().message()).contains("FileNotFoundException");
      assertThat(task.detail("databricks_run_id")).hasValue("6685");
      assertThat(task.detail("adf_pipeline_run_id")).hasValue(DBW_RUN);
      assertThat(task.detail("run_page_url")).hasValueSatisfying(url -> assertThat(url).contains("6685"));
    });
  }

  @Test
  void should_read_the_run_page_link_from_the_error_when_the_output_lacks_it() {
    String noOutputLink = fixture("activityruns-databricks-notebook-failed-terminated.json")
        .replaceFirst("\"runPageUrl\": \"[^\"]+\",", "");
    assertThat(noOutputLink).doesNotContain("runPageUrl");
    stub.pipelineRun(RUN, fixture("pipelinerun-get-failed.json")).activityRuns(RUN, noOutputLink);

    withDatabricks(this::databricksRun).fetch(knownFailure());

    assertThat(hopped).singleElement().satisfies(asked -> {
      assertThat(asked.run().runId().value()).isEqualTo("4455667788");
      assertThat(asked.jobId()).isEqualTo("987654321098765");
      assertThat(asked.workspace()).isEqualTo("adb-1234567890123456.7.azuredatabricks.net");
    });
  }

  @Test
  void should_keep_the_adf_chain_when_the_databricks_run_cannot_be_read() {
    stub.pipelineRun(DBW_RUN, pipelineRun(DBW_RUN, "DBW_ERROR"))
        .activityRuns(DBW_RUN, fixture("activityruns-databricks-notebook-failed.json"));

    FailedRun run = withDatabricks(event -> {
      throw new TransientPortException("Databricks timed out");
    }).fetch(event(DBW_RUN));

    assertThat(run.tasks()).extracting(TaskRun::name).containsExactly("Process Files");
  }

  @Test
  void should_not_hop_into_databricks_for_other_activities() {
    withDatabricks(this::databricksRun).fetch(knownFailure());

    assertThat(hopped).isEmpty();
  }

  @Test
  void should_ask_again_later_when_the_run_is_still_in_progress() {
    stub.pipelineRun(RUN, fixture("pipelinerun-get-failed.json").replace("\"status\": \"Failed\"",
        "\"status\": \"InProgress\""));

    assertThatThrownBy(() -> subject().fetch(knownFailure()))
        .isInstanceOf(RunNotFinishedException.class)
        .hasMessageContaining("InProgress")
        .satisfies(e -> assertThat(((RunNotFinishedException) e).retryAfter()).isPresent());
    assertThat(stub.seen(FACTORY + "/pipelineruns/" + RUN + "/queryActivityruns")).isEmpty();
  }

  @Test
  void should_add_the_cost_tags_of_parameters_and_annotations_to_the_mapped_tags() {
    stub.pipelineRun(RUN, fixture("pipelinerun-get-failed.json")
        .replace("\"loadDate\": \"2026-11-19\"", "\"loadDate\": \"2026-11-19\", \"cost_center\": \"cc-42\"")
        .replace("\"tier1\"", "\"tier1\", \"team=sales-data\""));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(run.tags()).contains(Map.entry("cost_center", "cc-42"), Map.entry("team", "sales-data"));
  }

  @Test
  void should_sign_in_and_count_the_last_hours_failed_runs_when_access_is_verified() {
    String failedRun = json(fixture("pipelinerun-get-failed.json")).toString();
    stub.pipelineRunQuery("{\"value\":[" + failedRun + "]}");

    int failed = new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty()).verifyAccess();

    assertThat(failed).isEqualTo(1);
    assertThat(stub.seen(AdfStub.QUERY_PIPELINE_RUNS)).hasSize(1);
  }

  @Test
  void should_find_each_failed_run_of_a_metric_alert_window_once() {
    String body = fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json");
    AlertWindow window = ((WebhookReading.FailuresInWindow) new AdfWebhookReader().read(body, AT)).window();
    String failedRun = json(fixture("pipelinerun-get-failed.json")).toString();
    String other = failedRun.replace(RUN, "77777777-2b8f-4d1e-9a0c-5f6e7d8c9b01");
    stub.pipelineRunQuery(
        "{\"value\":[" + failedRun + "],\"continuationToken\":\"{\\\"token\\\":\\\"p2\\\"}\"}",
        "{\"value\":[],\"continuationToken\":\"{\\\"token\\\":\\\"p3\\\"}\"}",
        "{\"value\":[" + failedRun + "," + other + "]}");

    List<FailureEvent> events = new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty())
        .failedRunsIn(window);

    assertThat(events).extracting(e -> e.run().runId().value())
        .containsExactly(RUN, "77777777-2b8f-4d1e-9a0c-5f6e7d8c9b01");
    assertThat(events.get(0)).satisfies(event -> {
      assertThat(event.jobName()).isEqualTo("pl_sales_daily");
      assertThat(event.workspace()).isEqualTo("adf-sales-prod");
      assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T03:44:58.9015870Z"));
      assertThat(event.reportedError()).hasValueSatisfying(e -> assertThat(e).startsWith("Operation on target"));
      assertThat(event.rawPayload()).isEqualTo(body);
    });
    List<AdfStub.Seen> queries = stub.seen(AdfStub.QUERY_PIPELINE_RUNS);
    assertThat(queries).hasSize(3);
    assertThat(queries.get(0).json()).isEqualTo(json(fixture("pipelineruns-querybyfactory-failed-request.json")));
  }

  @Test
  void should_list_the_failed_runs_last_updated_in_a_sweep_window_following_continuation_tokens() {
    String failedRun = json(fixture("pipelinerun-get-failed.json")).toString();
    String other = failedRun.replace(RUN, "77777777-2b8f-4d1e-9a0c-5f6e7d8c9b01");
    stub.pipelineRunQuery(
        "{\"value\":[" + failedRun + "],\"continuationToken\":\"{\\\"token\\\":\\\"p2\\\"}\"}",
        "{\"value\":[" + other + "]}");
    Instant from = Instant.parse("2026-11-20T03:00:00Z");
    Instant to = Instant.parse("2026-11-20T04:00:00Z");

    List<FailureEvent> events = new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty())
        .failedRunsBetween(from, to);

    assertThat(events).extracting(e -> e.run().runId().value())
        .containsExactly(RUN, "77777777-2b8f-4d1e-9a0c-5f6e7d8c9b01");
    assertThat(events.get(0)).satisfies(event -> {
      assertThat(event.run().source()).isEqualTo(Source.ADF);
      assertThat(event.jobName()).isEqualTo("pl_sales_daily");
      assertThat(event.workspace()).isEqualTo("adf-sales-prod");
      assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T03:44:58.9015870Z"));
      assertThat(json(event.rawPayload()).path("runId").asText()).isEqualTo(RUN);
    });
    List<AdfStub.Seen> queries = stub.seen(AdfStub.QUERY_PIPELINE_RUNS);
    assertThat(queries).hasSize(2);
    assertThat(queries.get(0).json().path("lastUpdatedAfter").asText()).isEqualTo("2026-11-20T03:00:00.000Z");
    assertThat(queries.get(0).json().path("lastUpdatedBefore").asText()).isEqualTo("2026-11-20T04:00:00.000Z");
    assertThat(queries.get(0).json().path("filters").toString())
        .contains("{\"operand\":\"Status\",\"operator\":\"In\",\"values\":[\"Failed\"]}")
        .doesNotContain("PipelineName");
    assertThat(queries.get(0).json().has("continuationToken")).isFalse();
    assertThat(queries.get(1).json().path("continuationToken").asText()).isEqualTo("{\"token\":\"p2\"}");
  }

  @Test
  void should_refuse_an_alert_window_of_another_factory() {
    AlertWindow window = new AlertWindow(Source.ADF,
        "/subscriptions/" + AdfStub.SUBSCRIPTION + "/resourcegroups/rg/providers/microsoft.datafactory/factories/other",
        Optional.empty(), Optional.empty(), AT, AT, "PipelineFailedRuns", "a", AT, "{}");

    assertThatThrownBy(() -> new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty())
        .failedRunsIn(window)).isInstanceOf(PermanentPortException.class).hasMessageContaining("ADF_FACTORY_NAME");
    assertThat(stub.seen(AdfStub.QUERY_PIPELINE_RUNS)).isEmpty();
  }

  @Test
  void should_refuse_an_event_from_another_platform() {
    FailureEvent databricks = new FailureEvent(RunKey.of(Source.DATABRICKS, "1"), "", "", "", AT, Optional.empty(),
        "");

    assertThatThrownBy(() -> subject().fetch(databricks)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_refuse_a_run_id_that_is_not_one_path_segment_without_calling_arm() {
    assertThatThrownBy(() -> subject().fetch(event("../../providers/x")))
        .isInstanceOf(PermanentPortException.class);
    assertThat(stub.seen()).isEmpty();
  }

  // What the Databricks source would answer for the notebook run: one task with the notebook's own error.
  private FailedRun databricksRun(FailureEvent event) {
    hopped.add(event);
    TaskRun task = new TaskRun("notebook_task", new RunId(event.run().runId().value() + "1"), "notebook_task",
        List.of(), RunState.failed(""), 0,
        Optional.of(TaskError.ofMessage("java.io.FileNotFoundException: /Path/To/NonExistent/Notebook Name")),
        Optional.empty(), Optional.empty(), Map.of("notebook_path", "/Path/To/NonExistent/Notebook Name"));
    return new FailedRun(event, "ADF_adf-sales-prod_DBW_ERROR", Optional.of("https://" + event.workspace()
        + "/jobs/" + event.jobId() + "/runs/" + event.run().runId() + "?o=0"), RunState.failed(""),
        List.of(task), Map.of());
  }
}
