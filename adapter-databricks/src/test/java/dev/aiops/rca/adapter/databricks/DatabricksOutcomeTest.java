package dev.aiops.rca.adapter.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Jobs API's life-cycle and result states become the core's closed set of outcomes here, and only here. */
class DatabricksOutcomeTest {

  @ParameterizedTest
  @CsvSource({
      "TERMINATED, SUCCESS, SUCCEEDED",
      "TERMINATED, SUCCESS_WITH_FAILURES, SUCCEEDED",
      "TERMINATED, FAILED, FAILED",
      "SKIPPED, MAXIMUM_CONCURRENT_RUNS_REACHED, FAILED",
      "TERMINATED, TIMEDOUT, TIMED_OUT",
      "TERMINATED, CANCELED, CANCELLED",
      "TERMINATED, UPSTREAM_FAILED, HELD_BACK",
      "TERMINATED, UPSTREAM_CANCELED, HELD_BACK",
      "INTERNAL_ERROR, FAILED, PLATFORM_ERROR",
      "RUNNING, '', RUNNING",
      "QUEUED, '', RUNNING",
      "TERMINATED, EXCLUDED, OTHER",
      "SKIPPED, DISABLED, OTHER"})
  void should_map_each_jobs_api_state_to_one_outcome(String lifeCycle, String result, RunOutcome outcome) {
    assertThat(DatabricksRunMapper.outcome(lifeCycle, result)).isEqualTo(outcome);
  }
}
