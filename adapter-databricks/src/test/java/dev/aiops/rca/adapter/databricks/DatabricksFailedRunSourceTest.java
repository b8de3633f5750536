package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.http.Sleeper;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.testkit.FailedRunSourceContract;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabricksFailedRunSourceTest implements FailedRunSourceContract {

  private final DatabricksStub stub = new DatabricksStub()
      .run("455644833", fixture("runs-get-multitask-failed.json"))
      .output("455644902", fixture("runs-get-output-notebook-table-not-found.json"));

  @AfterEach
  void stop() {
    stub.close();
  }

  static DatabricksSettings settings(DatabricksStub stub) {
    return new DatabricksSettings(stub.uri(), new DatabricksCredentials.PersonalAccessToken("dapi-test-token"),
        Duration.ofSeconds(2), 3, Duration.ofSeconds(2));
  }

  static DatabricksJobs jobs(DatabricksSettings settings) {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return new DatabricksJobs(new DatabricksApi(settings,
        new HttpTransport(http, Clock.systemUTC(), Sleeper.THREAD)));
  }

  static FailureEvent event(String runId) {
    return new FailureEvent(RunKey.of(Source.DATABRICKS, runId), "11223344", "A multitask job", "1234567890123456",
        Instant.parse("2026-11-01T02:00:00Z"), Optional.empty(), "{}");
  }

  @Override
  public FailedRunSource subject() {
    return new DatabricksFailedRunSource(jobs(settings(stub)), new DatabricksRunMapper()::map);
  }

  @Override
  public FailureEvent knownFailure() {
    return event("455644833");
  }

  @Override
  public FailureEvent unknownRun() {
    return event("999");
  }

  @Test
  void should_list_one_run_with_the_token_when_access_is_verified() {
    stub.script("/api/2.2/jobs/runs/list", DatabricksStub.Answer.json(200, "{\"runs\":[],\"has_more\":false}"));

    new DatabricksFailedRunSource(jobs(settings(stub)), new DatabricksRunMapper()::map).verifyAccess();

    DatabricksStub.Seen list = stub.seen("/api/2.2/jobs/runs/list").get(0);
    assertThat(list.query()).containsEntry("limit", "1");
    assertThat(list.headers().get("authorization")).isEqualTo("Bearer dapi-test-token");
  }

  @Test
  void should_list_the_failed_job_runs_that_ended_in_the_window_following_every_page() {
    stub.runList(fixture("runs-list-completed-page1.json"), fixture("runs-list-completed-page2.json"));
    Instant from = Instant.parse("2026-11-01T00:20:00Z");
    Instant to = Instant.parse("2026-11-01T06:00:00Z");

    List<FailureEvent> failed = subject().failedRunsBetween(from, to);

    assertThat(failed).extracting(e -> e.run().runId().value()).containsExactly("455644833", "455644600");
    assertThat(failed.get(0)).satisfies(event -> {
      assertThat(event.run()).isEqualTo(RunKey.of(Source.DATABRICKS, "455644833"));
      assertThat(event.jobId()).isEqualTo("11223344");
      assertThat(event.jobName()).isEqualTo("A multitask job");
      assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
      assertThat(event.reportedError()).hasValueSatisfying(error -> assertThat(error).startsWith("Task transform"));
      assertThat(event.rawPayload()).contains("\"run_id\":455644833");
    });
    List<DatabricksStub.Seen> pages = stub.seen("/api/2.2/jobs/runs/list");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).query()).containsEntry("completed_only", "true").containsEntry("run_type", "JOB_RUN")
        .containsEntry("start_time_from", Long.toString(from.minus(Duration.ofDays(1)).toEpochMilli()))
        .containsEntry("start_time_to", Long.toString(to.toEpochMilli())).containsEntry("limit", "25")
        .doesNotContainKey("page_token");
    assertThat(pages.get(1).query()).containsEntry("page_token", "CAEomPuciYcxMJiVzqH8kZ8B");
    // The event names the run as its webhook would: the run it names can be fetched.
    assertThat(subject().fetch(failed.get(0)).tasks()).isNotEmpty();
  }

  @Test
  void should_count_an_internal_error_as_a_failure_and_a_cancelled_or_successful_run_not() {
    stub.runList(fixture("runs-list-completed-page1.json"), fixture("runs-list-completed-page2.json"));

    List<FailureEvent> failed = subject().failedRunsBetween(Instant.parse("2026-10-31T20:00:00Z"),
        Instant.parse("2026-11-01T06:00:00Z"));

    assertThat(failed).extracting(e -> e.run().runId().value())
        .containsExactly("455644833", "455644600", "455644500");
  }

  @Test
  void should_fail_the_access_check_naming_the_setting_when_the_token_is_refused() {
    stub.script("/api/2.2/jobs/runs/list",
        DatabricksStub.Answer.json(403, fixture("error-403-invalid-access-token.json")));

    assertThatThrownBy(() -> new DatabricksFailedRunSource(jobs(settings(stub)), new DatabricksRunMapper()::map)
        .verifyAccess()).hasMessageContaining("DATABRICKS_TOKEN");
  }

  @Test
  void should_read_the_output_of_the_failed_task_only_when_a_multi_task_run_failed() {
    FailedRun run = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902");
    assertThat(run.tasks()).filteredOn(t -> t.name().equals("transform")).singleElement()
        .satisfies(t -> assertThat(t.error().orElseThrow().message()).contains("TABLE_OR_VIEW_NOT_FOUND"));
  }

  @Test
  void should_send_the_token_as_a_bearer_and_ask_for_the_repair_history() {
    subject().fetch(knownFailure());

    DatabricksStub.Seen get = stub.seen("/api/2.2/jobs/runs/get").get(0);
    assertThat(get.headers()).containsEntry("authorization", "Bearer dapi-test-token");
    assertThat(get.query()).containsEntry("run_id", "455644833").containsEntry("include_history", "true");
  }

  @Test
  void should_merge_every_page_when_the_run_has_more_than_one() {
    stub.run("900000000", fixture("runs-get-2.2-paginated-page1.json"), fixture("runs-get-2.2-paginated-page2.json"));

    FailedRun run = subject().fetch(event("900000000"));

    assertThat(stub.seen("/api/2.2/jobs/runs/get")).extracting(s -> s.query().get("page_token"))
        .containsExactly(null, "Z29vZ2xlLXBhZ2UtMg==");
    assertThat(run.tasks()).extracting(TaskRun::name).contains("task_001", "task_106", "task_117");
  }

  @Test
  void should_read_only_the_last_attempt_when_a_task_was_retried() {
    stub.run("910000000", fixture("runs-get-task-retried.json"))
        .output("910000002", fixture("runs-get-output-notebook-table-not-found.json"));

    subject().fetch(event("910000000"));

    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("910000002");
  }

  @Test
  void should_ask_again_later_when_the_run_waits_for_a_retry() {
    String waiting = fixture("runs-get-task-retried.json")
        .replaceFirst("\"life_cycle_state\": \"TERMINATED\"", "\"life_cycle_state\": \"WAITING_FOR_RETRY\"")
        .replaceFirst("\"state\": \"TERMINATED\"", "\"state\": \"WAITING\"");
    stub.run("910000000", waiting);

    assertThatThrownBy(() -> subject().fetch(event("910000000")))
        .isInstanceOf(RunNotFinishedException.class)
        .hasMessageContaining("WAITING_FOR_RETRY")
        .satisfies(e -> assertThat(((RunNotFinishedException) e).retryAfter()).isPresent());
    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).isEmpty();
  }

  @Test
  void should_read_the_child_run_when_the_error_points_to_its_run_page() {
    String parentOutput = fixture("runs-get-output-notebook-table-not-found.json").replace(
        "\"error\": \"", "\"error\": \"Notebook run https://adb-1.7.azuredatabricks.net/?o=1#job/11223344/run/777 failed. ");
    stub.output("455644902", parentOutput)
        .output("777", fixture("runs-get-output-python-wheel-delta-concurrent-append.json"));

    subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902", "777");
  }

  /** The window and cluster of the failed task {@code transform} in runs-get-multitask-failed.json. */
  private static final long TRANSFORM_START = 1754820200000L;
  private static final long TRANSFORM_END = 1754820420000L;
  private static final String TRANSFORM_CLUSTER = "0810-120000-abcd1234";

  /** A run as runs/list lists a {@code dbutils.notebook.run} child: type WORKFLOW_RUN, its own one-off job. */
  static String workflowRun(long runId, String resultState, long start, long end, String clusterId) {
    return "{\"job_id\":" + (runId + 1) + ",\"run_id\":" + runId + ",\"number_in_job\":" + runId
        + ",\"run_name\":\"child_" + runId + "\",\"run_type\":\"WORKFLOW_RUN\",\"start_time\":" + start
        + ",\"end_time\":" + end + ",\"cluster_instance\":{\"cluster_id\":\"" + clusterId + "\"},"
        + "\"state\":{\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"" + resultState + "\","
        + "\"state_message\":\"\",\"user_cancelled_or_timedout\":false},"
        + "\"run_page_url\":\"https://adb-1.7.azuredatabricks.net/?o=1#job/" + (runId + 1) + "/run/" + runId + "\"}";
  }

  private DatabricksStub failingThroughANotebookWorkflow() {
    return stub.output("455644902", fixture("runs-get-output-notebook-py4j-workflow-exception.json"))
        .output("780", fixture("runs-get-output-python-wheel-delta-concurrent-append.json"));
  }

  @Test
  void should_read_the_failed_workflow_run_the_task_started_on_its_cluster_when_its_error_links_none() {
    failingThroughANotebookWorkflow().listed(
        workflowRun(780, "FAILED", TRANSFORM_START + 60_000, TRANSFORM_END - 5_000, TRANSFORM_CLUSTER),
        workflowRun(781, "FAILED", TRANSFORM_START + 70_000, TRANSFORM_END - 5_000, "0810-999999-other000"),
        workflowRun(782, "SUCCESS", TRANSFORM_START + 10_000, TRANSFORM_START + 50_000, TRANSFORM_CLUSTER),
        workflowRun(783, "FAILED", TRANSFORM_START - 600_000, TRANSFORM_START - 1_000, TRANSFORM_CLUSTER));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902", "780");
    assertThat(stub.seen("/api/2.2/jobs/runs/list").get(0).query()).containsEntry("run_type", "WORKFLOW_RUN")
        .containsEntry("completed_only", "true")
        .containsEntry("start_time_from", Long.toString(TRANSFORM_START))
        .containsEntry("start_time_to", Long.toString(TRANSFORM_END));
    assertThat(run.tasks()).filteredOn(t -> t.runId().value().equals("780")).singleElement().satisfies(child -> {
      assertThat(child.parent()).contains("transform");
      assertThat(child.detail(DatabricksRunMapper.RUN_TYPE)).contains(DatabricksRunMapper.CHILD_RUN);
      assertThat(child.error().orElseThrow().message()).contains("ConcurrentAppendException");
    });
  }

  @Test
  void should_prefer_the_workflow_run_named_in_the_trace_when_several_failed_on_the_cluster() {
    ObjectNode caller = (ObjectNode) LoopbackStub.readJson(
        fixture("runs-get-output-notebook-py4j-workflow-exception.json"));
    caller.put("error_trace", "----> 2 dbutils.notebook.run(\"./security_checks\", 3000)\n"
        + caller.path("error_trace").asText());
    stub.output("455644902", caller.toString())
        .output("790", fixture("runs-get-output-notebook-table-not-found.json"))
        .listed(workflowRun(780, "FAILED", TRANSFORM_START + 60_000, TRANSFORM_END - 5_000, TRANSFORM_CLUSTER),
            workflowRun(790, "FAILED", TRANSFORM_START + 90_000, TRANSFORM_END - 5_000, TRANSFORM_CLUSTER)
                .replace("child_790", "security_checks"));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902", "790");
    assertThat(run.tasks()).extracting(t -> t.runId().value()).doesNotContain("780");
  }

  @Test
  void should_look_through_every_page_of_the_listing_when_the_child_is_on_a_later_one() {
    failingThroughANotebookWorkflow();
    for (int i = 0; i < 30; i++) {
      stub.listed(workflowRun(800 + i, "SUCCESS", TRANSFORM_START + 100_000 + i, TRANSFORM_END - 1, TRANSFORM_CLUSTER));
    }
    stub.listed(workflowRun(780, "FAILED", TRANSFORM_START + 1_000, TRANSFORM_END - 1_000, TRANSFORM_CLUSTER));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/list")).extracting(s -> s.query().get("page_token"))
        .containsExactly(null, "25");
    assertThat(run.tasks()).extracting(t -> t.runId().value()).contains("780");
  }

  @Test
  void should_analyse_the_task_alone_when_the_workspace_refuses_to_list_runs() {
    failingThroughANotebookWorkflow().script("/api/2.2/jobs/runs/list",
        DatabricksStub.Answer.json(403, fixture("error-403-permission-denied.json")));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(run.tasks()).filteredOn(t -> t.name().equals("transform")).singleElement()
        .satisfies(t -> assertThat(t.error().orElseThrow().message()).contains("WorkflowException"));
    assertThat(run.tasks()).noneMatch(t -> t.detail(DatabricksRunMapper.RUN_TYPE).isPresent());
  }

  @Test
  void should_not_list_workflow_runs_when_the_error_links_its_child() {
    String parentOutput = fixture("runs-get-output-notebook-py4j-workflow-exception.json").replace(
        "\"error\": \"", "\"error\": \"Notebook run https://adb-1.7.azuredatabricks.net/?o=1#job/9/run/777 failed. ");
    stub.output("455644902", parentOutput)
        .output("777", fixture("runs-get-output-python-wheel-delta-concurrent-append.json"));

    subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/list")).isEmpty();
    assertThat(stub.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644902", "777");
  }

  /** runs-get-multitask-failed.json, changed by {@code change}. */
  private static String multitaskRun(Consumer<ObjectNode> change) {
    ObjectNode run = (ObjectNode) LoopbackStub.readJson(fixture("runs-get-multitask-failed.json"));
    change.accept(run);
    return run.toString();
  }

  private static ObjectNode task(ObjectNode run, String key) {
    for (JsonNode task : run.withArray("tasks")) {
      if (task.path("task_key").asText().equals(key)) {
        return (ObjectNode) task;
      }
    }
    throw new IllegalArgumentException("no task " + key);
  }

  @Test
  void should_read_the_failed_task_of_the_job_run_that_a_run_job_task_triggered() {
    String caller = multitaskRun(run -> {
      ObjectNode transform = task(run, "transform");
      transform.remove("notebook_task");
      transform.putObject("run_job_task").put("job_id", 5550001L);
    });
    String triggered = fixture("runs-get-multitask-failed.json").replace("4556448", "6006448")
        .replace("4556449", "6006449").replace("11223344", "5550001");
    stub.run("455644833", caller).run("600644833", triggered)
        .output("455644902", "{\"metadata\":{\"run_id\":455644902,\"task_key\":\"transform\"},"
            + "\"error\":\"Run failed with error message\\n Task transform failed with message: Workload failed\","
            + "\"run_job_output\":{\"run_id\":600644833}}")
        .output("600644902", fixture("runs-get-output-notebook-table-not-found.json"));

    FailedRun run = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/runs/get")).extracting(s -> s.query().get("run_id"))
        .containsExactly("455644833", "600644833");
    assertThat(run.tasks()).filteredOn(t -> t.runId().value().equals("600644902")).singleElement()
        .satisfies(child -> {
          assertThat(child.parent()).contains("transform");
          assertThat(child.error().orElseThrow().message()).contains("TABLE_OR_VIEW_NOT_FOUND");
        });
  }

  @Test
  void should_merge_the_tags_of_job_job_cluster_task_cluster_and_run_with_the_more_specific_winning() {
    String tagged = multitaskRun(run -> {
      ((ObjectNode) run.withArray("job_clusters").get(0).path("new_cluster")).putObject("custom_tags")
          .put("team", "from-job-cluster").put("project", "from-job-cluster").put("env", "from-job-cluster");
      task(run, "transform").putObject("new_cluster").putObject("custom_tags")
          .put("project", "from-task-cluster").put("env", "from-task-cluster");
      run.putObject("tags").put("env", "from-run");
    });
    stub.run("455644833", tagged).job("11223344", fixture("jobs-get-tagged.json"));

    FailedRun fetched = subject().fetch(knownFailure());

    assertThat(stub.seen("/api/2.2/jobs/get")).extracting(s -> s.query().get("job_id")).containsExactly("11223344");
    assertThat(fetched.tags()).containsEntry("cost_center", "CC-4711")
        .containsEntry("team", "from-job-cluster")
        .containsEntry("project", "from-task-cluster")
        .containsEntry("env", "from-run");
  }

  @Test
  void should_keep_the_run_s_own_tags_when_the_job_cannot_be_read() {
    stub.script("/api/2.2/jobs/get", DatabricksStub.Answer.json(403, fixture("error-403-permission-denied.json")));

    FailedRun fetched = subject().fetch(knownFailure());

    assertThat(fetched.tasks()).extracting(TaskRun::name).contains("transform");
    assertThat(fetched.tags()).doesNotContainKey("cost_center");
  }

  @Test
  void should_rewrite_run_page_links_to_the_modern_form() {
    FailedRun run = subject().fetch(knownFailure());

    assertThat(run.runPageUrl()).hasValueSatisfying(url -> assertThat(url).contains("/jobs/").contains("/runs/")
        .doesNotContain("#job"));
  }

  @Test
  void should_refuse_an_event_from_another_platform() {
    FailureEvent adf = new FailureEvent(RunKey.of(Source.ADF, "x"), "", "", "", Instant.EPOCH, Optional.empty(), "");

    assertThatThrownBy(() -> subject().fetch(adf)).isInstanceOf(IllegalArgumentException.class);
  }
}
