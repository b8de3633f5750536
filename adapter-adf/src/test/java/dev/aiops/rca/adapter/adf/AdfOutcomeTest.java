package dev.aiops.rca.adapter.adf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data Factory's run and activity statuses become the core's closed set of outcomes here, and only here. */
class AdfOutcomeTest {

  @ParameterizedTest
  @CsvSource({
      "Succeeded, SUCCEEDED",
      "Failed, FAILED",
      "Cancelled, CANCELLED",
      "Canceling, RUNNING",
      "InProgress, RUNNING",
      "Queued, RUNNING",
      "Skipped, HELD_BACK",
      "'', OTHER"})
  void should_map_each_status_to_one_outcome(String status, RunOutcome outcome) {
    assertThat(AdfRunMapper.outcome(status)).isEqualTo(outcome);
  }
}
