package dev.aiops.rca.app.e2e;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Databricks job whose task failed and was retried: {@code runs/get} lists every attempt of the task, and the
 * latest decides ({@code runs-get-task-retried.json}, its second attempt failed too, unless {@link #succeeded}).
 */
final class RetriedRun {

  /** The job run's id. */
  static final String RUN = "910000000";
  /** The second attempt's task run, whose output holds its error. */
  static final String SECOND_ATTEMPT = "910000002";
  /** The job's failure webhook. */
  static final String WEBHOOK = "{\"event_type\":\"jobs.on_failure\","
      + "\"workspace_id\":\"1234567890123456\",\"run\":{\"run_id\":\"" + RUN + "\"},"
      + "\"job\":{\"job_id\":\"77889900\",\"name\":\"hourly_load\"}}";

  private RetriedRun() {}

  /** The run as {@code runs/get} answers when the retry failed too. */
  static String failedAgain() {
    return fixture("runs-get-task-retried.json");
  }

  /** The same run after its retry, or people's repair, succeeded: the latest attempt and the run ended well. */
  static String succeeded() {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode run = (ObjectNode) json.readTree(failedAgain());
      ObjectNode success = (ObjectNode) json.readTree("{\"life_cycle_state\":\"TERMINATED\","
          + "\"result_state\":\"SUCCESS\",\"state_message\":\"\",\"user_cancelled_or_timedout\":false}");
      ObjectNode status = (ObjectNode) json.readTree("{\"state\":\"TERMINATED\",\"termination_details\":"
          + "{\"code\":\"SUCCESS\",\"type\":\"SUCCESS\",\"message\":\"\"}}");
      run.set("state", success.deepCopy());
      run.set("status", status.deepCopy());
      ObjectNode latest = (ObjectNode) run.withArray("tasks").get(1);
      latest.set("state", success);
      latest.set("status", status);
      return run.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
