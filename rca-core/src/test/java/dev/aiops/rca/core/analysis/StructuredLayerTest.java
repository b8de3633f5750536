package dev.aiops.rca.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.Termination;
import org.junit.jupiter.api.Test;

/** Layer 0: the platform's structured fields decide when the text says nothing more. */
class StructuredLayerTest {

  private final RuleBasedAnalyzer analyzer = RuleBasedAnalyzer.withDefaultCatalogue();

  @Test
  void should_call_a_quota_hit_before_the_task_ran_a_cluster_launch_failure() {
    RootCauseAnalysis a = analyzer.analyze(Runs.databricks(Runs.terminated("train", "INTERNAL_ERROR",
        "Cluster could not be started: request rate limit exceeded while acquiring instances", null)));

    assertThat(a.category()).isEqualTo(Category.CLUSTER_LAUNCH_FAILURE);
    assertThat(a.classification().evidence()).endsWith("at cluster start (the task never ran)");
  }

  @Test
  void should_keep_a_rate_limit_at_run_time_as_throttling() {
    RootCauseAnalysis a = analyzer.analyze(Runs.databricks(Runs.failed("train",
        "MlflowException: request rate limit exceeded for /api/2.0/mlflow/runs/log-batch", "")));

    assertThat(a.category()).isEqualTo(Category.QUOTA_OR_THROTTLING);
  }

  @Test
  void should_read_the_termination_type_when_no_table_knows_the_code() {
    RootCauseAnalysis a = analyzer.analyze(Runs.databricks(Runs.terminated("train", "INTERNAL_ERROR", "",
        new Termination("SOME_FUTURE_CODE", "CLOUD_FAILURE", ""))));

    assertThat(a.category()).isEqualTo(Category.CLUSTER_LAUNCH_FAILURE);
    assertThat(a.classification().layer()).isEqualTo(ClassificationLayer.STRUCTURED);
    assertThat(a.classification().evidence()).contains("termination type CLOUD_FAILURE");
  }

  @Test
  void should_take_an_adf_system_error_as_the_service_failing_only_when_nothing_else_speaks() {
    RootCauseAnalysis bare = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("Copy orders", "Copy", "Failed", "2200", "Failure happened on 'Sink' side.", null, "SystemError")));
    RootCauseAnalysis worded = analyzer.analyze(Runs.run(Source.ADF, RunState.of(RunOutcome.FAILED, "Failed", ""),
        Runs.adf("Copy orders", "Copy", "Failed", "2200", "Login failed for user 'etl'.", null, "SystemError")));

    assertThat(bare.category()).isEqualTo(Category.UPSTREAM_DEPENDENCY);
    assertThat(bare.classification().evidence()).isEqualTo("Data Factory failure type SystemError");
    assertThat(worded.category()).isEqualTo(Category.AUTHENTICATION);
  }
}
