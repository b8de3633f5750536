package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.port.out.RemediationExecutor;
import org.junit.jupiter.api.Test;

/** What every {@link RemediationExecutor} must do, given a plan for a run the platform will accept. */
public interface RemediationExecutorContract {

  RemediationExecutor subject();

  RemediationPlan acceptedPlan();

  @Test
  default void should_describe_the_call_when_asked_before_running() {
    assertThat(subject().describe(acceptedPlan())).isNotBlank();
  }

  @Test
  default void should_start_a_run_when_the_platform_accepts_the_plan() {
    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.EXECUTED);
    assertThat(outcome.newRun()).isPresent();
    assertThat(outcome.plan()).isEqualTo(acceptedPlan());
  }

  @Test
  default void should_report_where_the_started_run_stands_when_asked() {
    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(subject().progress(outcome).detail()).isNotBlank();
  }
}
