package dev.aiops.rca.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * One recorded failure that the demo replays: an evaluation case ({@code eval/README.md}) kept under
 * {@code demo/} on the class path, whose {@code input} is what the platform's API answers.
 *
 * @param id the case id
 * @param platform {@code databricks} or {@code adf}
 * @param input the case's {@code input}: {@code run} and {@code outputs}, or {@code pipelineRun} and
 *     {@code activityRuns}
 * @param expectedRootError the root-cause line the analysis should find, from the case's {@code expected}
 */
public record DemoCase(String id, String platform, JsonNode input, String expectedRootError) {

  /** The cases the demo sends, in the order it sends them. */
  public static final List<String> IDS = List.of(
      "dbx-sql-task-cast-invalid-input-qty",
      "adf-bulk-copy-dw-invalid-object-name",
      "dbx-job-cluster-azure-core-quota-exceeded",
      "dbx-ucx-assessment-inventory-table-not-found",
      "adf-parallel-upsert-sql-deadlock-victim",
      "dbx-broadcast-join-timeout-device-dim");

  private static final ObjectMapper JSON = new ObjectMapper();

  public DemoCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(expectedRootError, "expectedRootError");
    if (!platform.equals("databricks") && !platform.equals("adf")) {
      throw new IllegalArgumentException("platform must be databricks or adf, was '" + platform + "'");
    }
  }

  /** Every case in {@link #IDS}, read from the class path. */
  public static List<DemoCase> bundled() {
    return IDS.stream().map(DemoCase::load).toList();
  }

  static DemoCase load(String id) {
    String resource = "/demo/" + id + ".json";
    try (InputStream in = DemoCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo case " + resource + " is missing from the class path");
      }
      JsonNode root = JSON.readTree(in);
      return new DemoCase(root.path("id").asText(id), root.path("source").asText(), root.path("input"),
          root.path("expected").path("root_error").asText(""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo case " + resource, e);
    }
  }

  boolean isDatabricks() {
    return platform.equals("databricks");
  }

  /** The Databricks job run id, or the ADF pipeline run id. */
  public String runId() {
    return isDatabricks() ? input.path("run").path("run_id").asText() : input.path("pipelineRun").path("runId")
        .asText();
  }

  /** The job or pipeline name, as the platform's notification names it. */
  public String name() {
    return isDatabricks() ? input.path("run").path("run_name").asText() : input.path("pipelineRun")
        .path("pipelineName").asText();
  }

  /** The body the platform would post: a Databricks job notification, or a pipeline's own Web activity body. */
  public String webhookBody(String factoryName) {
    ObjectNode body = JSON.createObjectNode();
    if (isDatabricks()) {
      body.put("event_type", "jobs.on_failure");
      body.put("workspace_id", SimulatedPlatforms.WORKSPACE_ID);
      body.putObject("run").put("run_id", runId());
      body.putObject("job").put("job_id", input.path("run").path("job_id").asText()).put("name", name());
    } else {
      body.put("dataFactoryName", factoryName);
      body.put("pipelineName", name());
      body.put("pipelineRunId", runId());
      body.put("message", input.path("pipelineRun").path("message").asText(""));
    }
    return body.toString();
  }
}
