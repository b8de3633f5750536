package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.LaterRun;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recovery rule for a run done again by another run (ADF reruns and later runs of the same work). */
class RecoveryCheckTest {

  private static final Instant AT = Instant.parse("2026-11-20T04:30:00Z");
  private static final FailureEvent EVENT = new FailureEvent(RunKey.of(Source.ADF, "run-1"), "pl_sales_daily",
      "pl_sales_daily", "adf-sales-prod", Instant.parse("2026-11-20T03:45:00Z"), Optional.empty(), "{}");

  private static FailedRun failedRun(Optional<LaterRun> later) {
    return new FailedRun(EVENT, "pl_sales_daily", Optional.empty(), RunState.of(RunOutcome.FAILED, "Failed", "boom"),
        List.of(), Map.of()).withLaterRun(later);
  }

  private static LaterRun later(String runId, RunOutcome outcome, String status) {
    return new LaterRun(RunKey.of(Source.ADF, runId), RunState.of(outcome, status, ""), AT, "rerun in run group run-1");
  }

  @Test
  void should_call_a_failed_run_recovered_when_the_run_that_did_its_work_again_succeeded() {
    Optional<String> reason = RecoveryCheck.reason(failedRun(Optional.of(later("run-2", RunOutcome.SUCCEEDED,
        "Succeeded"))));

    assertThat(reason).hasValueSatisfying(text -> assertThat(text).contains("ADF:run-1", "ADF:run-2",
        "rerun in run group run-1", "Succeeded", AT.toString(), "no incident"));
  }

  @Test
  void should_not_call_a_failed_run_recovered_when_its_rerun_failed_too() {
    assertThat(RecoveryCheck.reason(failedRun(Optional.of(later("run-2", RunOutcome.FAILED, "Failed"))))).isEmpty();
  }

  @Test
  void should_not_call_a_failed_run_recovered_when_it_was_not_done_again() {
    assertThat(RecoveryCheck.reason(failedRun(Optional.empty()))).isEmpty();
  }

  @Test
  void should_not_take_the_failed_run_itself_for_the_run_that_did_its_work_again() {
    // A platform that answers the run itself as the latest of its group has not rerun it.
    assertThat(RecoveryCheck.reason(failedRun(Optional.of(later("run-1", RunOutcome.SUCCEEDED, "Succeeded")))))
        .isEmpty();
  }
}
