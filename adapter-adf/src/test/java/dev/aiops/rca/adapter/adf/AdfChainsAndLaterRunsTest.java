package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.DBW_RUN;
import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.MIDDLE;
import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.PARENT;
import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.RUN;
import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.event;
import static dev.aiops.rca.adapter.adf.AdfFailedRunSourceTest.pipelineRun;
import static dev.aiops.rca.adapter.adf.AdfStub.FACTORY;
import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static dev.aiops.rca.adapter.adf.AdfStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.RunNotFinishedException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the ADF source reports beyond the run itself: the chain of runs around its failure, and its later run. */
class AdfChainsAndLaterRunsTest {

  private static final String RERUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b02";

  private final AdfStub stub = new AdfStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  private AdfFailedRunSource source() {
    return new AdfFailedRunSource(stub.runs(), new AdfRunMapper()::map, Optional.empty());
  }

  private static ObjectNode run(String runId, String pipeline) {
    return (ObjectNode) json(pipelineRun(runId, pipeline));
  }

  private static ObjectNode invokedBy(ObjectNode run, ObjectNode by) {
    run.set("invokedBy", by.put("invokedByType", "PipelineActivity").put("name", "Run sales daily"));
    return run;
  }

  private void servesTheChain(ObjectNode child) {
    stub.pipelineRun(PARENT, pipelineRun(PARENT, "pl_nightly"))
        .activityRuns(PARENT, fixture("activityruns-executepipeline-parent.json"))
        .pipelineRun(MIDDLE, pipelineRun(MIDDLE, "pl_sales_wrapper"))
        .activityRuns(MIDDLE, fixture("activityruns-executepipeline-middle.json"))
        .pipelineRun(RUN, child.toString())
        .activityRuns(RUN, fixture("activityruns-query-failed-copy.json"));
  }

  // --- the chain ---

  @Test
  void should_report_the_chain_down_the_failed_execute_pipeline_activities_to_the_innermost_run() {
    servesTheChain(run(RUN, "pl_sales_daily"));

    FailureChain chain = source().fetch(event(PARENT)).chain();

    assertThat(chain.links()).extracting(FailureChain.Link::run).containsExactly(
        RunKey.of(Source.ADF, PARENT), RunKey.of(Source.ADF, MIDDLE), RunKey.of(Source.ADF, RUN));
    assertThat(chain.innermost().jobId()).isEqualTo("pl_sales_daily");
    assertThat(chain.wrappers()).extracting(FailureChain.Link::jobName)
        .containsExactly("pl_nightly", "pl_sales_wrapper");
  }

  @Test
  void should_learn_the_parents_of_a_child_run_from_invoked_by() {
    // The child names its parent's run in pipelineRunId; the middle one only in id, which answers as a run.
    ObjectNode child = invokedBy(run(RUN, "pl_sales_daily"),
        ((ObjectNode) json("{}")).put("pipelineRunId", MIDDLE).put("id", "not-the-run-id"));
    servesTheChain(child);
    stub.pipelineRun(MIDDLE, invokedBy(run(MIDDLE, "pl_sales_wrapper"),
        ((ObjectNode) json("{}")).put("id", PARENT)).toString());

    FailureChain chain = source().fetch(event(RUN)).chain();

    assertThat(chain.links()).extracting(FailureChain.Link::run).containsExactly(
        RunKey.of(Source.ADF, PARENT), RunKey.of(Source.ADF, MIDDLE), RunKey.of(Source.ADF, RUN));
    assertThat(chain.links()).extracting(FailureChain.Link::jobName)
        .containsExactly("pl_nightly", "pl_sales_wrapper", "pl_sales_daily");
  }

  @Test
  void should_not_take_an_invoked_by_id_that_is_no_pipeline_run_for_the_parent() {
    // Only "id", and it does not answer as a pipeline run (it may name the activity run): no parent.
    servesTheChain(invokedBy(run(RUN, "pl_sales_daily"),
        ((ObjectNode) json("{}")).put("id", "d0d0d0d0-0000-4000-8000-000000000009")));

    FailureChain chain = source().fetch(event(RUN)).chain();

    assertThat(chain.links()).extracting(FailureChain.Link::run).containsExactly(RunKey.of(Source.ADF, RUN));
  }

  @Test
  void should_end_the_chain_at_the_databricks_run_of_a_failed_notebook_activity() {
    stub.pipelineRun(DBW_RUN, pipelineRun(DBW_RUN, "DBW_ERROR"))
        .activityRuns(DBW_RUN, fixture("activityruns-databricks-notebook-failed.json"));

    FailureChain chain = source().fetch(event(DBW_RUN)).chain();

    assertThat(chain.innermost().run()).isEqualTo(RunKey.of(Source.DATABRICKS, "6685"));
    // A submitted one-time run: its job id changes from run to run, so the pipeline and activity name it.
    assertThat(chain.innermost().jobId()).isEmpty();
    assertThat(chain.innermost().jobName()).endsWith(" / Process Files");
    assertThat(chain.wrappers()).extracting(FailureChain.Link::run).containsExactly(RunKey.of(Source.ADF, DBW_RUN));
  }

  // --- the later run ---

  @Test
  void should_report_the_succeeded_rerun_of_a_run_that_is_not_the_latest_of_its_group_without_reading_activities() {
    ObjectNode failed = run(RUN, "pl_sales_daily").put("isLatest", false);
    ObjectNode rerun = run(RERUN, "pl_sales_daily").put("runGroupId", RUN).put("status", "Succeeded")
        .put("runStart", "2026-11-20T04:00:00Z").put("runEnd", "2026-11-20T04:30:00Z");
    stub.pipelineRun(RUN, failed.toString()).runGroup(RUN, rerun.toString());

    FailedRun run = source().fetch(event(RUN));

    assertThat(run.laterRun()).hasValueSatisfying(later -> {
      assertThat(later.run()).isEqualTo(RunKey.of(Source.ADF, RERUN));
      assertThat(later.state().outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(later.how()).isEqualTo("rerun in run group " + RUN);
    });
    JsonNode query = stub.seen(AdfStub.QUERY_PIPELINE_RUNS).get(0).json();
    // RunGroupId takes one value, and LatestOnly a JSON boolean: the string "True" is ignored by ARM.
    assertThat(query.path("filters").toString()).contains("{\"operand\":\"RunGroupId\",\"operator\":\"Equals\","
        + "\"values\":[\"" + RUN + "\"]}", "{\"operand\":\"LatestOnly\",\"operator\":\"Equals\",\"values\":[true]}");
    assertThat(stub.seen(FACTORY + "/pipelineruns/" + RUN + "/queryActivityruns")).isEmpty();
  }

  @Test
  void should_ask_again_later_while_the_rerun_of_the_failed_run_is_in_progress() {
    stub.pipelineRun(RUN, run(RUN, "pl_sales_daily").put("isLatest", false).toString())
        .runGroup(RUN, run(RERUN, "pl_sales_daily").put("runGroupId", RUN).put("status", "InProgress").toString());

    assertThatThrownBy(() -> source().fetch(event(RUN))).isInstanceOf(RunNotFinishedException.class)
        .hasMessageContaining(RERUN).hasMessageContaining("InProgress");
  }

  @Test
  void should_report_a_later_succeeded_run_of_the_same_pipeline_only_with_the_same_parameters() {
    stub.pipelineRun(RUN, pipelineRun(RUN, "pl_sales_daily"))
        .activityRuns(RUN, fixture("activityruns-query-failed-copy.json"));
    ObjectNode otherDay = run("8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b04", "pl_sales_daily").put("status", "Succeeded")
        .put("runStart", "2026-11-20T04:10:00Z");
    otherDay.putObject("parameters").put("loadDate", "2026-11-20");
    stub.succeededRuns(otherDay.toString());

    assertThat(source().fetch(event(RUN)).laterRun()).isEmpty();

    ObjectNode sameDay = run(RERUN, "pl_sales_daily").put("status", "Succeeded")
        .put("runStart", "2026-11-20T04:00:00Z");
    stub.succeededRuns(otherDay.toString(), sameDay.toString());

    assertThat(source().fetch(event(RUN)).laterRun()).hasValueSatisfying(later -> {
      assertThat(later.run()).isEqualTo(RunKey.of(Source.ADF, RERUN));
      assertThat(later.how()).contains("same parameters");
    });
  }
}
