package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain mapping for transport tests (the real one is {@code AdfRunMapper}): one task per activity run, with its
 * error when it has one, and the ExecutePipeline activity that started its pipeline run as parent.
 */
final class StubMapping implements AdfRunMapping {

  @Override
  public FailedRun map(FailureEvent event, JsonNode pipelineRun, List<JsonNode> activityRuns) {
    Map<String, String> startedBy = new HashMap<>();
    for (JsonNode activity : activityRuns) {
      String child = activity.path("output").path("pipelineRunId").asText("");
      if (!child.isEmpty()) {
        startedBy.put(child, activity.path("activityName").asText());
      }
    }
    List<TaskRun> tasks = new ArrayList<>();
    for (JsonNode activity : activityRuns) {
      JsonNode error = activity.path("error");
      Optional<TaskError> taskError = error.path("message").asText("").isEmpty() ? Optional.empty()
          : Optional.of(new TaskError(error.path("message").asText(), "", "", false,
              error.path("errorCode").asText(""), error.path("failureType").asText("")));
      tasks.add(new TaskRun(activity.path("activityName").asText(), new RunId(activity.path("activityRunId").asText()),
          activity.path("activityType").asText(), List.of(), RunState.of(activity.path("status").asText(""), ""), 0,
          taskError, Optional.empty(), Optional.ofNullable(startedBy.get(activity.path("pipelineRunId").asText())),
          Map.of("pipeline_run_id", activity.path("pipelineRunId").asText())));
    }
    return new FailedRun(event, pipelineRun.path("pipelineName").asText(""), Optional.empty(),
        RunState.of(pipelineRun.path("status").asText(""), pipelineRun.path("message").asText("")), tasks,
        Map.of("mapped", "yes"));
  }
}
