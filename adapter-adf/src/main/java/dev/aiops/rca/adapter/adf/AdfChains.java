package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PortException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure chain of a pipeline run, outermost first: the pipeline runs whose ExecutePipeline activity started
 * it, the run, the child runs of its failed ExecutePipeline activities down to the innermost failed one, and the
 * Databricks run that a failed Databricks activity of that innermost pipeline run started.
 *
 * <p>A child learns its parent from {@code invokedBy}: ADF documents only {@code Manual} and trigger names there,
 * but a run started by an ExecutePipeline activity reports {@code invokedByType: PipelineActivity}, with the parent
 * run's id in {@code pipelineRunId} or, failing that, in {@code id}. Read defensively: an id that does not answer as
 * a pipeline run is not taken for one.
 */
final class AdfChains {

  private static final Logger LOG = LoggerFactory.getLogger(AdfChains.class);
  private static final String EXECUTE_PIPELINE = "ExecutePipeline";
  private static final String DATABRICKS_JOB = "DatabricksJob";

  private final AdfRuns runs;

  AdfChains(AdfRuns runs) {
    this.runs = Objects.requireNonNull(runs, "runs");
  }

  /**
   * @param pipelineRun the run the event names
   * @param activityRuns its activity runs and those of the child runs that were followed
   * @param childRuns the child pipeline runs that were followed, by run id
   * @param databricksActivities the activity types that start a Databricks run
   */
  FailureChain of(FailureEvent event, JsonNode pipelineRun, List<JsonNode> activityRuns,
      Map<String, JsonNode> childRuns, Set<String> databricksActivities) {
    List<FailureChain.Link> links = new ArrayList<>(ancestors(pipelineRun));
    String root = event.run().runId().value();
    String rootName = text(pipelineRun, "pipelineName");
    links.add(new FailureChain.Link(event.run(), rootName.isBlank() ? event.jobId() : rootName,
        rootName.isBlank() ? event.jobName() : rootName));
    String current = root;
    String currentName = links.get(links.size() - 1).displayName();
    Set<String> seen = new HashSet<>(Set.of(root));
    for (int depth = 0; depth < AdfFailedRunSource.MAX_DEPTH; depth++) {
      Optional<JsonNode> wrapper = failedOf(activityRuns, current, root, Set.of(EXECUTE_PIPELINE)).stream()
          .filter(a -> childRuns.containsKey(text(a.path("output"), "pipelineRunId"))).findFirst();
      if (wrapper.isEmpty() || !seen.add(text(wrapper.get().path("output"), "pipelineRunId"))) {
        break;
      }
      current = text(wrapper.get().path("output"), "pipelineRunId");
      String name = text(childRuns.get(current), "pipelineName");
      if (name.isBlank()) {
        name = text(wrapper.get().path("output"), "pipelineName");
      }
      links.add(new FailureChain.Link(RunKey.of(Source.ADF, current), name, name));
      currentName = name;
    }
    databricks(failedOf(activityRuns, current, root, databricksActivities), currentName).ifPresent(links::add);
    return new FailureChain(links);
  }

  /**
   * The Databricks run of the first failed Databricks activity that links one. A DatabricksJob activity runs an
   * existing job, whose id is stable; the other activities submit a one-time run, so the pipeline and activity
   * name it instead, which stay the same from one failure to the next.
   */
  private static Optional<FailureChain.Link> databricks(List<JsonNode> failed, String pipelineName) {
    for (JsonNode activity : failed) {
      Optional<AdfDatabricksLink> link = AdfDatabricksLink.of(activity);
      if (link.isPresent()) {
        String pipeline = text(activity, "pipelineName").isBlank() ? pipelineName : text(activity, "pipelineName");
        String name = pipeline + " / " + text(activity, "activityName");
        String jobId = text(activity, "activityType").equals(DATABRICKS_JOB) ? link.get().jobId() : "";
        return Optional.of(new FailureChain.Link(RunKey.of(Source.DATABRICKS, link.get().runId()), jobId, name));
      }
    }
    return Optional.empty();
  }

  /** The failed activities of one pipeline run, of the given types; a root activity may not name its run. */
  private static List<JsonNode> failedOf(List<JsonNode> activityRuns, String runId, String root, Set<String> types) {
    return activityRuns.stream()
        .filter(a -> text(a, "pipelineRunId").equals(runId) || (runId.equals(root) && text(a, "pipelineRunId")
            .isBlank()))
        .filter(a -> types.contains(text(a, "activityType")) && text(a, "status").equals("Failed"))
        .toList();
  }

  /** The runs whose ExecutePipeline activities started this one, outermost first. */
  private List<FailureChain.Link> ancestors(JsonNode pipelineRun) {
    Deque<FailureChain.Link> up = new ArrayDeque<>();
    JsonNode run = pipelineRun;
    Set<String> seen = new HashSet<>(Set.of(text(pipelineRun, "runId")));
    for (int depth = 0; depth < AdfFailedRunSource.MAX_DEPTH; depth++) {
      JsonNode by = run.path("invokedBy");
      if (!text(by, "invokedByType").equalsIgnoreCase("PipelineActivity")) {
        break;
      }
      String named = text(by, "pipelineRunId");
      String parentId = named.isBlank() ? text(by, "id") : named;
      if (parentId.isBlank() || !seen.add(parentId)) {
        break;
      }
      Optional<JsonNode> parent = read(parentId);
      if (parent.isEmpty() && named.isBlank()) {
        break; // an undocumented id that is no pipeline run: no parent is better than a wrong one
      }
      String name = parent.map(p -> text(p, "pipelineName")).filter(n -> !n.isBlank())
          .orElse(text(by, "pipelineName"));
      up.addFirst(new FailureChain.Link(RunKey.of(Source.ADF, parentId), name, name));
      if (parent.isEmpty()) {
        break;
      }
      run = parent.get();
    }
    return List.copyOf(up);
  }

  private Optional<JsonNode> read(String runId) {
    try {
      return Optional.of(runs.getPipelineRun(runId));
    } catch (PortException e) {
      // The parent is only impact: the child's failure is analysed and filed without it.
      LOG.warn("parent pipeline run {} is not available: {}", runId, e.getMessage());
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
