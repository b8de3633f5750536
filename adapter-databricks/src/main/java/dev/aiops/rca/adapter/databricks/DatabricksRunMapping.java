package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import java.util.Map;

/** Turns a {@code runs/get} answer and the {@code runs/get-output} answers of its failed task runs into a run. */
@FunctionalInterface
public interface DatabricksRunMapping {

  /**
   * @param runsGet the whole run, every page merged
   * @param outputsByTaskRunId the outputs of the failed task runs and of the child runs they started, by run id
   */
  FailedRun map(FailureEvent event, JsonNode runsGet, Map<String, JsonNode> outputsByTaskRunId);
}
