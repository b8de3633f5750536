package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
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
}
