package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RemediationLog} must do. Implement {@link #remediationLog()} with a fresh, empty store, and
 * {@link #incidents()} with the incident repository of the same store, to file the incidents that outcomes name.
 */
public interface RemediationLogContract {

  RemediationLog remediationLog();

  IncidentRepository incidents();

  @Test
  default void should_keep_remediation_attempts_when_recorded() {
    RemediationLog log = remediationLog();
    IncidentId id = incidents().file(Samples.draft("1", 'a', Samples.T0)).incident().id();
    RemediationPlan plan = new RemediationPlan(id, RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.DATABRICKS, "1"), List.of("load_users"), "transient");

    log.record(new RemediationOutcome(plan, RemediationStatus.SUGGESTED, "suggested", Samples.T0,
        Optional.empty()));
    log.record(new RemediationOutcome(plan, RemediationStatus.EXECUTED, "started",
        Samples.T0.plus(Duration.ofMinutes(1)), Optional.of(new dev.aiops.rca.domain.RunId("77"))));

    assertThat(log.remediations(id)).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.EXECUTED);
    assertThat(log.remediations(id).get(1).newRun()).map(Object::toString).contains("77");
    assertThat(log.remediations(id).get(0).plan()).isEqualTo(plan);
  }

  @Test
  default void should_record_the_result_of_a_remediation_run_once_and_stop_listing_it_as_unfinished() {
    RemediationLog log = remediationLog();
    IncidentId id = incidents().file(Samples.draft("1", 'a', Samples.T0)).incident().id();
    RemediationPlan plan = new RemediationPlan(id, RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.DATABRICKS, "1"), List.of(), "transient");
    dev.aiops.rca.domain.RunId repair = new dev.aiops.rca.domain.RunId("77");
    RemediationOutcome executed = new RemediationOutcome(plan, RemediationStatus.EXECUTED, "started",
        Samples.T0, Optional.of(repair));
    log.record(new RemediationOutcome(plan, RemediationStatus.FAILED, "refused", Samples.T0,
        Optional.empty()));
    log.record(executed);

    assertThat(log.unfinishedRemediations(10)).containsExactly(executed);

    RemediationOutcome succeeded = new RemediationOutcome(plan, RemediationStatus.RUN_SUCCEEDED, "ended well",
        Samples.T0.plus(Duration.ofMinutes(5)), Optional.of(repair));
    assertThat(log.record(succeeded)).isTrue();
    assertThat(log.record(succeeded)).isFalse();

    assertThat(log.unfinishedRemediations(10)).isEmpty();
    assertThat(log.remediations(id)).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.FAILED, RemediationStatus.EXECUTED, RemediationStatus.RUN_SUCCEEDED);
  }

  @Test
  default void should_keep_suggestions_and_refusals_without_a_new_run_however_often_they_repeat() {
    RemediationLog log = remediationLog();
    IncidentId id = incidents().file(Samples.draft("1", 'a', Samples.T0)).incident().id();
    RemediationPlan plan = new RemediationPlan(id, RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.DATABRICKS, "1"), List.of(), "transient");

    boolean first = log.record(new RemediationOutcome(plan, RemediationStatus.SUGGESTED, "suggested",
        Samples.T0, Optional.empty()));
    boolean second = log.record(new RemediationOutcome(plan, RemediationStatus.SUGGESTED, "suggested",
        Samples.T0.plusSeconds(1), Optional.empty()));

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(log.remediations(id)).hasSize(2);
    assertThat(log.unfinishedRemediations(10)).isEmpty();
  }
}
