package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain mapping for transport tests: one task per runs/get task, with the error of its output, if read. */
final class StubMapping implements DatabricksRunMapping {

  @Override
  public FailedRun map(FailureEvent event, JsonNode run, Map<String, JsonNode> outputs) {
    List<TaskRun> tasks = new ArrayList<>();
    for (JsonNode task : run.path("tasks")) {
      String runId = task.path("run_id").asText();
      JsonNode output = outputs.get(runId);
      Optional<TaskError> error = output == null ? Optional.empty()
          : Optional.of(TaskError.ofMessage(output.path("error").asText("")));
      tasks.add(new TaskRun(task.path("task_key").asText(), new RunId(runId), "task", List.of(),
          RunState.of(task.path("state").path("result_state").asText(""), ""), task.path("attempt_number").asInt(),
          error, Optional.of(task.path("run_page_url").asText("")), Optional.empty(), Map.of()));
    }
    return new FailedRun(event, run.path("run_name").asText(""), Optional.of(run.path("run_page_url").asText("")),
        RunState.of(run.path("state").path("result_state").asText(""), ""), tasks, Map.of());
  }
}
