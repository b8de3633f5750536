package dev.aiops.rca.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
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
import org.junit.jupiter.api.Test;

class SignatureCalculatorTest {

  private final RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();
  private final SignatureCalculator signatures = new SignatureCalculator();

  private ErrorSignature signatureOf(String runId, String error) {
    FailureEvent event = new FailureEvent(RunKey.of(Source.DATABRICKS, runId), "42", "etl", "adb",
        Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), "{}");
    TaskRun task = new TaskRun("load", new RunId(runId + "1"), "notebook_task", List.of(), RunState.failed(""),
        0, Optional.of(TaskError.ofMessage(error)), Optional.empty(), Optional.empty(), Map.of());
    FailedRun run = new FailedRun(event, "etl", Optional.empty(), RunState.failed(""), List.of(task), Map.of());
    return signatures.signatureOf(run, rules.analyze(run));
  }

  @Test
  void should_give_two_runs_of_the_same_failure_the_same_signature() {
    ErrorSignature first = signatureOf("1", "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3"
        + " in stage 7.0 failed 4 times, most recent failure: Lost task 3.3 in stage 7.0 (TID 88) (10.0.0.5 executor"
        + " 1): java.io.FileNotFoundException: abfss://lake@acct.dfs.core.windows.net/raw/2024/05/13/part-0001-"
        + "3f1a9c2e-8b44-4e1d-9a07-61c2f0d9b8e4.parquet at 2024-05-13T02:00:01Z");
    ErrorSignature second = signatureOf("2", "org.apache.spark.SparkException: Job aborted due to stage failure: Task 9"
        + " in stage 12.0 failed 4 times, most recent failure: Lost task 9.3 in stage 12.0 (TID 412) (10.0.0.7 "
        + "executor 4): java.io.FileNotFoundException: abfss://lake@acct.dfs.core.windows.net/raw/2024/05/14/part-0007-"
        + "aa1a9c2e-8b44-4e1d-9a07-61c2f0d9b8e4.parquet at 2024-05-14T02:00:07Z");

    assertThat(first).isEqualTo(second);
  }

  @Test
  void should_give_different_tables_different_signatures() {
    assertThat(signatureOf("1", "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found."))
        .isNotEqualTo(signatureOf("1", "[TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`orders` cannot be found."));
  }
}
