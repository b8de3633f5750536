package dev.aiops.rca.bench;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule-based analysis (root task, root-cause line, classification, entities) of a failed task whose trace is 1, 10
 * or 50 MB: a Py4J and Spark wrapper chain around many executor stack frames and log lines, with the real cause at
 * the end. Run with {@code -Xmx256m} to show that the scan needs no memory beyond the trace itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ExtractionBenchmark {

  @Param({"1", "10", "50"})
  public int megabytes;

  private final RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();
  private FailedRun run;

  @Setup
  public void buildTrace() {
    run = failedRunWithTrace(megabytes * 1024 * 1024);
  }

  @Benchmark
  public RootCauseAnalysis analyze() {
    return analyzer.analyze(run);
  }

  /** A realistic trace of about {@code size} characters. */
  static FailedRun failedRunWithTrace(int size) {
    String head = "Traceback (most recent call last):\n"
        + "  File \"/Workspace/Repos/etl/ETL_Transform\", line 42, in <module>\n"
        + "    df.write.format(\"delta\").saveAsTable(\"prod.users\")\n"
        + "py4j.protocol.Py4JJavaError: An error occurred while calling o1187.saveAsTable.\n"
        + ": org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times,"
        + " most recent failure: Lost task 3.3 in stage 7.0 (TID 88) (10.0.0.5 executor 1):"
        + " org.apache.spark.SparkArithmeticException: [CAST_INVALID_INPUT] The value 'abc' of the type \"STRING\""
        + " cannot be cast to \"INT\" because it is malformed. SQLSTATE: 22018\n";
    String frame = "\tat org.apache.spark.sql.execution.datasources.FileFormatWriter$.executeTask(FileFormatWriter.scala:403)\n";
    // Realistic noise: mostly frames, with executor warnings and nested causes every few hundred lines.
    String warning = "24/05/13 02:00:01 WARN TaskSetManager: Lost task 3.0 in stage 7.0 (TID 81) (10.0.0.5 executor 1):"
        + " java.io.IOException: Connection reset by peer\n";
    String nested = "Caused by: org.apache.spark.SparkException: Task failed while writing rows.\n";
    StringBuilder trace = new StringBuilder(size + 256).append(head);
    int line = 0;
    while (trace.length() < size - 200) {
      trace.append(line % 500 == 250 ? warning : line % 500 == 499 ? nested : frame);
      line++;
    }
    trace.append("Caused by: java.lang.NumberFormatException: For input string: \"abc\"\n");
    FailureEvent event = new FailureEvent(RunKey.of(Source.DATABRICKS, "1"), "42", "etl_orders", "adb-1",
        Instant.parse("2026-11-26T10:00:00Z"), Optional.empty(), "{}");
    TaskRun task = new TaskRun("load_users", new RunId("11"), "notebook_task", List.of(),
        RunState.failed("Workload failed, see run output for details"), 0,
        Optional.of(new TaskError("py4j.protocol.Py4JJavaError: An error occurred while calling o1187.saveAsTable.",
            trace.toString(), "", false, "", "")),
        Optional.empty(), Optional.empty(), Map.of("notebook_path", "/Workspace/Repos/etl/ETL_Transform"));
    return new FailedRun(event, "etl_orders", Optional.empty(), RunState.failed("Task load_users failed"),
        List.of(task), Map.of());
  }
}
