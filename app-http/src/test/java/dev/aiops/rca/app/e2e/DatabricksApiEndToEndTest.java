package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.jira.JiraStub;
import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.http.LoopbackStub;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service reads from the Jobs API beyond the failed run itself: the child run of a notebook workflow that
 * the error does not link to, the job's tags beside the cluster's and the run's, and what it tells people of the
 * tasks the failure held back.
 */
class DatabricksApiEndToEndTest {

  /** A notebook task whose {@code dbutils.notebook.run} child failed; only the child's output holds the error. */
  private static final Path CHILD_CASE = Path.of("../eval/cases/dbx-child-notebook-nonetype-json-via-workflow.json");

  @TempDir
  Path data;

  private final DatabricksStub databricks = new DatabricksStub();
  private final SlackStub slack = new SlackStub();
  private final InMemoryIssueTracker tickets = new InMemoryIssueTracker();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    databricks.close();
    slack.close();
  }

  private void start() {
    service = E2eService.start(data, Vendors.settings(Vendors.slack(slack),
        Map.of("DATABRICKS_HOST", databricks.uri().toString(), "DATABRICKS_TOKEN",
            "dapi-e2e-token-00000000000000000000")), Wiring.Options.configured().withTracker(tickets));
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workspace as the case describes it: runs/get, get-output of each run, and the child among listed runs. */
  private String serve(JsonNode input) {
    JsonNode run = input.path("run");
    databricks.run(run.path("run_id").asText(), run.toString());
    input.path("outputs").properties().forEach(output -> {
      databricks.output(output.getKey(), output.getValue().toString());
      JsonNode metadata = output.getValue().path("metadata");
      if (metadata.path("run_type").asText().equals("WORKFLOW_RUN")) {
        databricks.listed(metadata.toString());
      }
    });
    return "{\"event_type\":\"jobs.on_failure\",\"workspace_id\":\"4721956013822207\",\"run\":{\"run_id\":\""
        + run.path("run_id").asText() + "\"},\"job\":{\"job_id\":\"" + run.path("job_id").asText() + "\",\"name\":\""
        + run.path("run_name").asText() + "\"}}";
  }

  @Test
  void should_find_the_child_run_of_a_notebook_workflow_through_the_api_when_the_error_links_none() {
    JsonNode shipped = read(CHILD_CASE);
    String webhook = serve(shipped.path("input"));
    start();

    service.post("/webhooks/databricks", webhook);

    Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent()
        && list.get(0).notification().isPresent(), Duration.ofSeconds(20)).get(0);
    JsonNode expected = shipped.path("expected");
    assertThat(databricks.seen("/api/2.2/jobs/runs/get-output")).extracting(s -> s.query().get("run_id"))
        .contains("340951822069981");
    assertThat(incident.analysis().category().name()).isEqualTo(expected.path("category").asText());
    assertThat(incident.analysis().rootCauseLine()).contains(expected.path("root_error").asText());
    TicketRequest ticket = tickets.tickets().get(0);
    assertThat(ticket.description()).contains("sync_agents");
  }

  @Test
  void should_list_the_task_the_failure_held_back_on_the_ticket_and_the_slack_message() {
    String webhook = serve(read(CHILD_CASE).path("input"));
    start();

    service.post("/webhooks/databricks", webhook);

    service.awaitIncidents(list -> list.size() == 1 && list.get(0).notification().isPresent(),
        Duration.ofSeconds(20));
    // notify depends on orchestrate and ended UPSTREAM_FAILED; both the ticket and the alert say so.
    assertThat(tickets.tickets().get(0).description())
        .contains("Impacted tasks (held back by this failure): notify UPSTREAM_FAILED");
    List<SlackStub.Seen> posts = slack.seen("chat.postMessage");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).form().get("blocks")).contains("*Impacted tasks*", "notify UPSTREAM_FAILED");
  }

  /**
   * runs-get-multitask-failed.json with a tag in each place runs/get shows one: the run's own {@code tags}, the
   * failed task's {@code new_cluster.custom_tags} and the shared job cluster's; jobs/get adds the job's.
   */
  private static String taggedRun() {
    ObjectNode run = (ObjectNode) LoopbackStub.readJson(DatabricksStub.fixture("runs-get-multitask-failed.json"));
    ((ObjectNode) run.withArray("job_clusters").get(0).path("new_cluster")).putObject("custom_tags")
        .put("team", "from-job-cluster").put("project", "from-job-cluster").put("env", "from-job-cluster");
    for (JsonNode task : run.withArray("tasks")) {
      if (task.path("task_key").asText().equals("transform")) {
        ((ObjectNode) task).putObject("new_cluster").putObject("custom_tags")
            .put("project", "from-task-cluster").put("env", "from-task-cluster");
      }
    }
    run.putObject("tags").put("env", "from-run");
    return run.toString();
  }

  @Test
  void should_keep_the_cost_tags_of_job_job_cluster_task_cluster_and_run_each_once_on_incident_and_ticket() {
    databricks.run("455644833", taggedRun())
        .output("455644902", DatabricksStub.fixture("runs-get-output-notebook-table-not-found.json"))
        .job("11223344", "{\"job_id\":11223344,\"settings\":{\"name\":\"nightly_sales_etl\",\"format\":"
            + "\"MULTI_TASK\",\"tags\":{\"cost_center\":\"CC-4711\",\"team\":\"from-job\",\"project\":"
            + "\"from-job\",\"env\":\"from-job\"}}}");
    JiraStub jira = new JiraStub(Vendors.JIRA_PROJECT);
    try (jira) {
      service = E2eService.start(data, Vendors.settings(Vendors.jira(jira), Map.of(
          "DATABRICKS_HOST", databricks.uri().toString(), "DATABRICKS_TOKEN", "dapi-e2e-token-00000000000000000000",
          "RCA_COST_TAG_KEYS", "cost_center,team,project,env")), Wiring.Options.configured());

      service.post("/webhooks/databricks", DatabricksStub.fixture("webhook-job-failure.json"));

      Incident incident = service.awaitIncidents(list -> list.size() == 1 && list.get(0).ticket().isPresent(),
          Duration.ofSeconds(20)).get(0);
      assertThat(incident.costTags()).containsExactlyInAnyOrderEntriesOf(Map.of("cost_center", "CC-4711",
          "team", "from-job-cluster", "project", "from-task-cluster", "env", "from-run"));
      String description = jira.seen("POST", "/rest/api/3/issue").get(0).json().path("fields").path("description")
          .toString();
      for (String tag : List.of("cost_center=CC-4711", "team=from-job-cluster", "project=from-task-cluster",
          "env=from-run")) {
        assertThat(description.split(tag, -1)).as(tag).hasSize(2);
      }
      assertThat(description).doesNotContainPattern("from-job[^-]"); // each overridden job tag is gone
    }
  }
}
