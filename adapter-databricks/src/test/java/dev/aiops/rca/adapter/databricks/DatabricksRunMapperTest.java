package dev.aiops.rca.adapter.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.TaskRun;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabricksRunMapperTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void should_map_tasks_outputs_termination_and_child_runs_when_given_runs_get_and_get_output() throws Exception {
    JsonNode run = json.readTree("""
        {"job_id": 7, "run_id": 100, "run_name": "etl", "run_page_url": "https://adb/run/100",
         "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED", "state_message": "Task a failed"},
         "status": {"termination_details": {"code": "RUN_EXECUTION_ERROR", "type": "CLIENT_ERROR", "message": "m"}},
         "tasks": [
           {"task_key": "a", "run_id": 101, "attempt_number": 1,
            "notebook_task": {"notebook_path": "/Repos/x/a", "base_parameters": {"day": "1"}},
            "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
            "cluster_instance": {"cluster_id": "c-1"}},
           {"task_key": "b", "run_id": 102, "depends_on": [{"task_key": "a"}], "notebook_task": {},
            "state": {"life_cycle_state": "TERMINATED", "result_state": "UPSTREAM_FAILED"}}]}
        """);
    Map<String, JsonNode> outputs = Map.of(
        "101", json.readTree("{\"error\": \"WorkflowException: x\", \"error_trace\": \"t\", \"logs\": \"l\","
            + " \"logs_truncated\": true}"),
        "900", json.readTree("{\"metadata\": {\"run_id\": 900, \"run_type\": \"WORKFLOW_RUN\", \"run_name\": \"child\","
            + " \"state\": {\"result_state\": \"FAILED\"}}, \"error\": \"KeyError: 1\"}"));

    FailedRun mapped = new DatabricksRunMapper().map(
        DatabricksRunMapper.eventFrom(run, "adb", Instant.EPOCH, "{}"), run, outputs);

    assertThat(mapped.state().termination()).hasValueSatisfying(t -> assertThat(t.code()).isEqualTo("RUN_EXECUTION_ERROR"));
    TaskRun a = mapped.tasks().get(0);
    assertThat(a.attempt()).isEqualTo(1);
    assertThat(a.details()).containsEntry("notebook_path", "/Repos/x/a").containsEntry("cluster_id", "c-1")
        .containsEntry("base_parameters.day", "1");
    assertThat(a.error()).hasValueSatisfying(e -> assertThat(e.logsTruncated()).isTrue());
    assertThat(mapped.tasks().get(1).dependsOn()).containsExactly("a");
    TaskRun child = mapped.tasks().get(2);
    assertThat(child.parent()).contains("a");
    assertThat(child.details()).containsEntry("run_type", "WORKFLOW_RUN");
  }

  @Test
  void should_take_cost_tags_from_the_run_then_the_tasks_own_clusters_then_the_shared_job_clusters()
      throws Exception {
    JsonNode run = json.readTree("""
        {"job_id": 7, "run_id": 100, "run_name": "etl", "tags": {"team": "sales-data"},
         "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
         "job_clusters": [{"job_cluster_key": "shared", "new_cluster": {"custom_tags":
             {"cost_center": "cc-4711", "team": "platform", "env": "prod"}}}],
         "tasks": [
           {"task_key": "a", "run_id": 101, "job_cluster_key": "shared",
            "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"}},
           {"task_key": "b", "run_id": 102, "new_cluster": {"custom_tags": {"env": "staging"}},
            "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"}}]}
        """);

    FailedRun mapped = new DatabricksRunMapper().map(
        DatabricksRunMapper.eventFrom(run, "adb", Instant.EPOCH, "{}"), run, Map.of());

    // Each key once: the run's (job) tags first, then a task's own cluster, then the shared job clusters.
    assertThat(mapped.tags()).containsEntry("team", "sales-data").containsEntry("env", "staging")
        .containsEntry("cost_center", "cc-4711");
  }

  @Test
  void should_count_a_task_skipped_without_a_result_of_its_own_as_held_back() throws Exception {
    JsonNode run = json.readTree(DatabricksStub.fixture("runs-get-multitask-failed-docs-sample.json"));

    FailedRun mapped = new DatabricksRunMapper().map(
        DatabricksRunMapper.eventFrom(run, "adb", Instant.EPOCH, "{}"), run, Map.of());

    assertThat(mapped.tasks()).filteredOn(t -> t.name().equals("Match")).singleElement()
        .satisfies(t -> assertThat(t.state().outcome()).isEqualTo(RunOutcome.HELD_BACK));
  }
}
