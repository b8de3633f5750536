package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import java.util.List;

/** Turns a pipeline run and its activity runs, as ARM returned them, into a run. */
@FunctionalInterface
public interface AdfRunMapping {

  /**
   * @param pipelineRun the {@code pipelineruns/{runId}} answer of the run the event names
   * @param activityRuns every activity run of that pipeline run, all pages, in the order ARM listed them; then,
   *     depth first, the activity runs of the child pipeline runs that its failed ExecutePipeline activities started.
   *     A child's activity runs carry the child's {@code pipelineRunId}, which is the {@code output.pipelineRunId} of
   *     the ExecutePipeline activity that started it
   */
  FailedRun map(FailureEvent event, JsonNode pipelineRun, List<JsonNode> activityRuns);
}
