package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.testkit.RemediationExecutorContract;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabricksRemediationExecutorTest implements RemediationExecutorContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatabricksStub stub = new DatabricksStub()
      .run("455644833", fixture("runs-get-multitask-failed.json"));

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public RemediationExecutor subject() {
    return new DatabricksRemediationExecutor(
        DatabricksFailedRunSourceTest.jobs(DatabricksFailedRunSourceTest.settings(stub)), Clock.systemUTC());
  }

  @Override
  public RemediationPlan acceptedPlan() {
    return plan(List.of("transform"));
  }

  private static RemediationPlan plan(List<String> tasks) {
    return new RemediationPlan(new IncidentId(7), RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.DATABRICKS, "455644833"), tasks, "cluster launch failure");
  }

  @Test
  void should_repair_the_named_tasks_and_report_the_repair_id() throws Exception {
    RemediationOutcome outcome = subject().execute(acceptedPlan());

    JsonNode body = JSON.readTree(stub.seen("/api/2.2/jobs/runs/repair").get(0).body());
    assertThat(body.path("run_id").asLong()).isEqualTo(455644833L);
    assertThat(body.path("rerun_tasks")).extracting(JsonNode::asText).containsExactly("transform");
    assertThat(body.has("latest_repair_id")).isFalse();
    assertThat(outcome.newRun()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("734650698524280"));
    assertThat(outcome.detail()).contains("repair 734650698524280");
  }

  @Test
  void should_repair_every_failed_task_and_name_the_last_repair_when_repairing_again() throws Exception {
    String repaired = fixture("runs-get-multitask-failed.json").replaceFirst("\\{",
        "{\"repair_history\":[{\"type\":\"ORIGINAL\",\"id\":1},{\"type\":\"REPAIR\",\"id\":555}],");
    stub.run("455644833", repaired);

    subject().execute(plan(List.of()));

    JsonNode body = JSON.readTree(stub.seen("/api/2.2/jobs/runs/repair").get(0).body());
    assertThat(body.path("rerun_all_failed_tasks").asBoolean()).isTrue();
    assertThat(body.path("latest_repair_id").asLong()).isEqualTo(555L);
  }

  @Test
  void should_not_repair_a_run_that_is_still_going() {
    stub.run("455644833", fixture("runs-get-multitask-failed.json")
        .replaceFirst("\"life_cycle_state\": \"TERMINATED\"", "\"life_cycle_state\": \"RUNNING\""));

    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(stub.seen("/api/2.2/jobs/runs/repair")).isEmpty();
  }

  @Test
  void should_report_a_refused_repair_as_failed_with_the_reason() {
    stub.script("/api/2.2/jobs/runs/repair",
        DatabricksStub.Answer.json(400, "{\"error_code\":\"INVALID_STATE\",\"message\":\"Run is not repairable\"}"));

    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(outcome.detail()).contains("INVALID_STATE");
  }

  @Test
  void should_describe_the_exact_call_for_approval() {
    assertThat(subject().describe(acceptedPlan())).startsWith("POST http://127.0.0.1:")
        .contains("/api/2.2/jobs/runs/repair").contains("\"rerun_tasks\":[\"transform\"]");
  }

  /** The run as runs/get shows it once the repair 734650698524280 (the fixture's repair id) is in its history. */
  private void repairInHistory(String repairEntry) {
    stub.run("455644833", fixture("runs-get-multitask-failed.json").replaceFirst("\\{",
        "{\"repair_history\":[{\"type\":\"ORIGINAL\",\"id\":1}," + repairEntry + "],"));
  }

  private RemediationProgress progressOfTheRepair() {
    RemediationOutcome started = subject().execute(acceptedPlan());
    return subject().progress(started);
  }

  @Test
  void should_report_a_repair_that_is_not_in_the_history_yet_as_running() {
    RemediationProgress progress = progressOfTheRepair();

    assertThat(progress.phase()).isEqualTo(RemediationProgress.Phase.RUNNING);
    assertThat(progress.detail()).contains("not in the run's history yet");
    assertThat(stub.seen("/api/2.2/jobs/runs/get").get(1).query()).containsEntry("include_history", "true");
  }

  @Test
  void should_report_a_running_repair_as_running() {
    repairInHistory("{\"type\":\"REPAIR\",\"id\":734650698524280,\"status\":{\"state\":\"RUNNING\"}}");

    assertThat(progressOfTheRepair().phase()).isEqualTo(RemediationProgress.Phase.RUNNING);
  }

  @Test
  void should_report_success_when_the_repair_terminated_with_code_success() {
    repairInHistory("{\"type\":\"REPAIR\",\"id\":734650698524280,\"status\":{\"state\":\"TERMINATED\","
        + "\"termination_details\":{\"code\":\"SUCCESS\",\"type\":\"SUCCESS\",\"message\":\"\"}}}");

    RemediationProgress progress = progressOfTheRepair();

    assertThat(progress.phase()).isEqualTo(RemediationProgress.Phase.SUCCEEDED);
    assertThat(progress.detail()).isEqualTo("repair 734650698524280 of run 455644833: TERMINATED SUCCESS");
  }

  @Test
  void should_report_failure_with_the_reason_when_the_repair_terminated_otherwise() {
    repairInHistory("{\"type\":\"REPAIR\",\"id\":734650698524280,\"status\":{\"state\":\"TERMINATED\","
        + "\"termination_details\":{\"code\":\"RUN_EXECUTION_ERROR\",\"type\":\"CLIENT_ERROR\","
        + "\"message\":\"Task transform failed with message: Workload failed\"}}}");

    RemediationProgress progress = progressOfTheRepair();

    assertThat(progress.phase()).isEqualTo(RemediationProgress.Phase.FAILED);
    assertThat(progress.detail()).isEqualTo("repair 734650698524280 of run 455644833: TERMINATED RUN_EXECUTION_ERROR"
        + " (Task transform failed with message: Workload failed)");
  }

  @Test
  void should_read_the_older_state_fields_when_the_workspace_sends_no_status() {
    repairInHistory("{\"type\":\"REPAIR\",\"id\":734650698524280,\"state\":{\"life_cycle_state\":"
        + "\"TERMINATED\",\"result_state\":\"FAILED\",\"state_message\":\"Task transform failed\"}}");

    RemediationProgress progress = progressOfTheRepair();

    assertThat(progress.phase()).isEqualTo(RemediationProgress.Phase.FAILED);
    assertThat(progress.detail()).endsWith("TERMINATED FAILED (Task transform failed)");
  }
}
