package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.EntityKind;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.domain.Termination;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleBasedAnalyzerTest {

  private final RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();

  @Test
  void should_unwrap_py4j_to_the_spark_error_class_when_a_notebook_reads_a_missing_table() {
    String trace = "---------------------------------------------------------------------------\n"
        + "Py4JJavaError                             Traceback (most recent call last)\n"
        + "File <command-1>, line 42\n"
        + "     41 df = spark.table(\"prod.users\")\n"
        + "---> 42 df.write.saveAsTable(\"prod.users_clean\")\n\n"
        + "Py4JJavaError: An error occurred while calling o12.saveAsTable.\n"
        + ": org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users`"
        + " cannot be found. SQLSTATE: 42P01\n"
        + "\tat org.apache.spark.sql.catalyst.analysis.package$AnalysisErrorAt.failAnalysis(package.scala:52)\n";

    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(
        Runs.failed("load_users", "Py4JJavaError: An error occurred while calling o12.saveAsTable.", trace),
        Runs.skipped("publish", "load_users")));

    assertThat(analysis.failedTask()).isEqualTo("load_users");
    assertThat(analysis.category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
    assertThat(analysis.rootCauseLine()).startsWith("org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]");
    assertThat(analysis.entities()).anyMatch(e -> e.kind() == EntityKind.TABLE && e.value().equals("prod.users"));
    assertThat(analysis.entities()).anyMatch(e -> e.kind() == EntityKind.SQLSTATE && e.value().equals("42P01"));
    assertThat(analysis.evidence()).anyMatch(line -> line.contains("line 42"));
    assertThat(String.join(" ", analysis.recommendedActions())).contains("`prod.users`");
  }

  @Test
  void should_look_through_a_stage_failure_to_the_python_exception_when_a_udf_fails() {
    String trace = "py4j.protocol.Py4JJavaError: An error occurred while calling o1187.save.\n"
        + ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 14 in stage 62.0 failed 4 times,"
        + " most recent failure: Lost task 14.3 in stage 62.0 (TID 4410) (10.0.22.181 executor 3):"
        + " org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
        + "  File \"/databricks/spark/python/pyspark/worker.py\", line 1100, in main\n"
        + "    process()\n"
        + "  File \"/Workspace/Repos/app/scoring.py\", line 125, in get_key\n"
        + "    return pd.Series(x[band])\n"
        + "KeyError: 1\n\n"
        + "\tat org.apache.spark.api.python.BasePythonRunner$ReaderIterator.handlePythonException(PythonRunner.scala:561)\n";

    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(Runs.failed("score", "", trace)));

    assertThat(analysis.rootCauseLine()).isEqualTo("KeyError: 1");
    assertThat(analysis.category()).isEqualTo(Category.CODE_ERROR);
    assertThat(analysis.evidence()).anyMatch(line -> line.contains("scoring.py\", line 125, in get_key"));
  }

  @Test
  void should_take_the_inner_cause_of_a_streaming_query_and_of_a_udf_wrapper() {
    String streaming = "pyspark.errors.exceptions.captured.StreamingQueryException: [STREAM_FAILED] Query [id = 1,"
        + " runId = 2] terminated with exception: Job aborted due to stage failure: Task 3 in stage 41.0 failed 4"
        + " times, most recent failure: Lost task 3.3 in stage 41.0 (TID 1187) (10.1.1.1 executor 2):"
        + " org.apache.spark.sql.execution.QueryExecutionException: Parquet column cannot be converted in file"
        + " s3://bucket/a.parquet. Column: [protocol], Expected: bigint, Found: INT32\n";
    String udf = "org.apache.spark.SparkException: Job aborted due to stage failure.\n"
        + "Caused by: org.apache.spark.SparkException: Failed to execute user defined function (Gc$$Lambda$1: (string)"
        + " => string)\n\t... 29 more\nCaused by: java.lang.OutOfMemoryError: Java heap space\n";

    assertThat(analyzer.analyze(Runs.databricks(Runs.failed("stream", "", streaming))).rootCauseLine())
        .startsWith("org.apache.spark.sql.execution.QueryExecutionException: Parquet column cannot be converted");
    RootCauseAnalysis oom = analyzer.analyze(Runs.databricks(Runs.failed("gc", "", udf)));
    assertThat(oom.rootCauseLine()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
    assertThat(oom.category()).isEqualTo(Category.OUT_OF_MEMORY);
  }

  @Test
  void should_blame_the_calling_task_but_quote_the_child_notebook_when_a_workflow_fails() {
    String parentError = "Py4JJavaError: An error occurred while calling o538.run.\n"
        + ": com.databricks.WorkflowException: com.databricks.NotebookExecutionException: FAILED: Workload failed,"
        + " see run output for details";

    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(
        Runs.failed("orchestrate", parentError, parentError),
        Runs.child("sync_agents", "orchestrate", "AttributeError: 'NoneType' object has no attribute 'json'",
            "File <command-9>, line 41\n---> 41 payload = resp.json()\n\n"
                + "AttributeError: 'NoneType' object has no attribute 'json'")));

    assertThat(analysis.failedTask()).isEqualTo("orchestrate");
    assertThat(analysis.rootCauseLine()).isEqualTo("AttributeError: 'NoneType' object has no attribute 'json'");
    assertThat(analysis.category()).isEqualTo(Category.CODE_ERROR);
  }

  @Test
  void should_strip_ansi_colours_and_survive_truncated_output() {
    String trace = "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m\n"
        + "\u001b[0;31mAssertionError\u001b[0m: expected 3 rows, got 0\n"
        + "Py4JJavaError: An error occurred while calling o1.save.\n: org.apache.spark.SparkExcep";

    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(Runs.failed("check", "", trace)));

    assertThat(analysis.rootCauseLine()).isEqualTo("AssertionError: expected 3 rows, got 0");
  }

  @Test
  void should_use_the_termination_details_when_the_cluster_never_started() {
    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(Runs.terminated("train", "INTERNAL_ERROR",
        "Unexpected startup failure: An unexpected error occurred while setting up the cluster.",
        new Termination("CLUSTER_ERROR", "CLOUD_FAILURE",
            "ADD_NODES_FAILED: Unable to add 1 container to the cluster. Internal error message: Timeout while"
                + " placing nodes."))));

    assertThat(analysis.category()).isEqualTo(Category.CLUSTER_LAUNCH_FAILURE);
    assertThat(analysis.rootCauseLine()).startsWith("ADD_NODES_FAILED");
  }

  @Test
  void should_pick_the_last_attempt_of_a_retried_task_and_skip_upstream_failures() {
    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(
        Runs.task("ingest", "notebook_task", "FAILED", 0, List.of(),
            dev.aiops.rca.domain.TaskError.ofMessage("java.net.SocketTimeoutException: Read timed out")),
        Runs.task("ingest", "notebook_task", "FAILED", 1, List.of(),
            dev.aiops.rca.domain.TaskError.ofMessage("AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column"
                + " or function parameter with name `qty` cannot be resolved.")),
        Runs.skipped("report", "ingest")));

    assertThat(analysis.failedTask()).isEqualTo("ingest");
    assertThat(analysis.category()).isEqualTo(Category.COLUMN_NOT_FOUND);
  }

  @Test
  void should_find_the_failed_iteration_inside_a_foreach_and_the_innermost_copy_message() {
    String chain = "Failure happened on 'Sink' side. ErrorCode=SqlOperationFailed,'Type=Microsoft.DataTransfer.Common"
        + ".Shared.HybridDeliveryException,Message=A database operation failed.,Source=Microsoft.DataTransfer"
        + ".ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=Invalid object name 'dbo.sales'.,Source"
        + "=.Net SqlClient Data Provider,SqlErrorNumber=208,Class=16,'";
    RootCauseAnalysis analysis = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("ForEach Table", "ForEach", "Failed", "ActionFailed",
            "Activity failed because an inner activity failed; Inner activity name: Copy Table, Error: " + chain, null),
        Runs.adf("Copy Table", "Copy", "Succeeded", "", "", "ForEach Table"),
        Runs.adf("Copy Table", "Copy", "Failed", "2200", chain, "ForEach Table")));

    assertThat(analysis.failedTask()).isEqualTo("Copy Table");
    assertThat(analysis.rootCauseLine()).isEqualTo("Invalid object name 'dbo.sales'.");
    assertThat(analysis.category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
    assertThat(analysis.entities()).anyMatch(e -> e.kind() == EntityKind.ERROR_CODE && e.value().equals("SQL208"));
  }

  @Test
  void should_name_the_inner_activity_when_only_the_execute_pipeline_wrapper_is_listed() {
    RootCauseAnalysis analysis = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("Run Child", "ExecutePipeline", "Failed", "BadRequest",
            "Activity Get Metadata failed: The required Blob is missing. ContainerName: inbound, BlobPrefix: x/.",
            null)));

    assertThat(analysis.failedTask()).isEqualTo("Get Metadata");
    assertThat(analysis.category()).isEqualTo(Category.FILE_NOT_FOUND);
  }

  @Test
  void should_blame_the_databricks_task_when_an_adf_notebook_activity_carries_the_run_it_started() {
    String wrapper = "Databricks execution failed with error state: Terminated, error message: Workload failed, see"
        + " run output for details. For more details please check the run page url: https://adb-1.azuredatabricks"
        + ".net/?o=1#job/2/run/3.";
    TaskRun notebook = new TaskRun("process_files", new RunId("4"), "notebook_task", List.of(),
        RunState.failed("Workload failed, see run output for details"), 0,
        Optional.of(new TaskError("Py4JJavaError: An error occurred while calling o233.saveAsTable.",
            "Py4JJavaError: An error occurred while calling o233.saveAsTable.\n: org.apache.spark.sql."
                + "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`sales`.`m` cannot be "
                + "found. SQLSTATE: 42P01", "", false, "", "")),
        Optional.empty(), Optional.of("Process Files"), Map.of());

    RootCauseAnalysis analysis = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("Process Files", "DatabricksNotebook", "Failed", "3204", wrapper, null), notebook));

    assertThat(analysis.failedTask()).isEqualTo("process_files");
    assertThat(analysis.rootCauseLine()).contains("[TABLE_OR_VIEW_NOT_FOUND]").doesNotContain("Databricks execution");
    assertThat(analysis.category()).isEqualTo(Category.TABLE_OR_VIEW_NOT_FOUND);
  }

  @Test
  void should_say_the_evidence_is_insufficient_instead_of_inventing_a_cause() {
    RootCauseAnalysis analysis = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("Refresh", "DatabricksNotebook", "Failed", "3204", "Job execution failed.", null)));

    assertThat(analysis.category()).isEqualTo(Category.UNKNOWN);
    assertThat(analysis.has(AnalysisFlag.INSUFFICIENT_EVIDENCE)).isTrue();
    assertThat(analysis.recommendedActions()).first().asString().startsWith("insufficient evidence: collect");
  }

  @Test
  void should_classify_a_timed_out_task_as_timeout_even_with_cancellation_text() {
    RootCauseAnalysis analysis = analyzer.analyze(Runs.databricks(Runs.task("long", "notebook_task", "TIMEDOUT", 0,
        List.of(), dev.aiops.rca.domain.TaskError.ofMessage("com.databricks.backend.common.rpc.CommandCancelledException"))));

    assertThat(analysis.category()).isEqualTo(Category.TIMEOUT);
  }

  @Test
  void should_render_a_ticket_with_job_task_root_line_category_and_actions() {
    var run = Runs.databricks(Runs.failed("load", "java.lang.IllegalArgumentException: Secret does not exist with"
        + " scope: kv-prod and key: db-password", ""));
    String text = RcaReport.render(run, analyzer.analyze(run));

    assertThat(text).contains("Job: etl_orders").contains("Failed task: load")
        .contains("Root cause: java.lang.IllegalArgumentException: Secret does not exist with scope: kv-prod")
        .contains("Category: CONFIGURATION").contains("`kv-prod`").contains("Recommended actions:");
    assertThat(Optional.of(text.length())).hasValueSatisfying(n -> assertThat(n).isLessThan(4_000));
  }
}
