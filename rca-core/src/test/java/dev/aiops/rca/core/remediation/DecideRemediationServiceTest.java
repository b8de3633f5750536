package dev.aiops.rca.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.RefuseDecisionCommand;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecideRemediationServiceTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  private final RecordingIncidentEvents events = new RecordingIncidentEvents();

  private DecideRemediationService service(int maxAttempts) {
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.SUGGEST,
        EnumSet.allOf(RemediationAction.class), EnumSet.of(Category.UPSTREAM_DEPENDENCY), maxAttempts);
    return new DecideRemediationService(incidents, incidents, incidents, Map.of(Source.DATABRICKS, executor),
        new RemediationPolicy(settings), events, clock);
  }

  private Incident suggested(Category category) {
    Incident incident = incidents.file(new IncidentDraft(RunKey.of(Source.DATABRICKS, "1"), Samples.signature('a'),
        "etl_orders", Samples.T0, Samples.analysis(category, "TEMPORARILY_UNAVAILABLE"))).incident();
    incidents.record(new RemediationOutcome(new RemediationPlan(incident.id(), RemediationAction.REPAIR_FAILED_TASKS,
        incident.firstRun(), List.of(), "transient"), RemediationStatus.SUGGESTED, "suggested", Samples.T0,
        Optional.empty()));
    return incident;
  }

  private DecideRemediationCommand approve(Incident incident) {
    return new DecideRemediationCommand(incident.id(), RemediationAction.REPAIR_FAILED_TASKS, true, "alice");
  }

  @Test
  void should_run_the_repair_and_audit_the_approver_when_approved() {
    Incident incident = suggested(Category.UPSTREAM_DEPENDENCY);

    RemediationOutcome outcome = service(1).decide(approve(incident));

    assertThat(outcome.status()).isEqualTo(RemediationStatus.EXECUTED);
    assertThat(executor.executed()).hasSize(1);
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::actor, AuditEntry::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", AuditAction.REMEDIATION_APPROVED),
            org.assertj.core.groups.Tuple.tuple("alice", AuditAction.REMEDIATION_EXECUTED));
  }

  @Test
  void should_record_a_rejection_and_run_nothing_when_declined() {
    Incident incident = suggested(Category.UPSTREAM_DEPENDENCY);

    RemediationOutcome outcome = service(1).decide(
        new DecideRemediationCommand(incident.id(), RemediationAction.REPAIR_FAILED_TASKS, false, "bob"));

    assertThat(outcome.status()).isEqualTo(RemediationStatus.REJECTED);
    assertThat(executor.executed()).isEmpty();
  }

  @Test
  void should_refuse_to_run_when_the_category_is_not_allowlisted_even_if_approved() {
    Incident incident = suggested(Category.CODE_ERROR);

    RemediationOutcome outcome = service(1).decide(approve(incident));

    assertThat(outcome.status()).isEqualTo(RemediationStatus.SKIPPED);
    assertThat(outcome.detail()).contains("CODE_ERROR");
    assertThat(executor.executed()).isEmpty();
  }

  @Test
  void should_fail_cleanly_when_the_platform_is_unreachable() {
    Incident incident = suggested(Category.UPSTREAM_DEPENDENCY);
    executor.failures().failNext(new TransientPortException("503"));

    RemediationOutcome outcome = service(1).decide(approve(incident));

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(incidents.remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED, RemediationStatus.FAILED);
  }

  @Test
  void should_reject_a_decision_when_nothing_is_pending() {
    Incident incident = suggested(Category.UPSTREAM_DEPENDENCY);
    DecideRemediationService service = service(1);
    service.decide(approve(incident));

    assertThatThrownBy(() -> service.decide(approve(incident))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no pending suggestion");
  }

  @Test
  void should_audit_a_refused_decision_and_run_nothing_when_someone_who_may_not_decide_tries() {
    Incident incident = suggested(Category.UPSTREAM_DEPENDENCY);

    service(1).refuse(new RefuseDecisionCommand(incident.id(), RemediationAction.REPAIR_FAILED_TASKS, true,
        "slack:U999 (mallory)", "not among RCA_APPROVERS"));

    assertThat(executor.executed()).isEmpty();
    assertThat(incidents.remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.SUGGESTED);
    assertThat(incidents.auditTrail(incident.id())).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("slack:U999 (mallory)");
      assertThat(entry.action()).isEqualTo(AuditAction.REMEDIATION_DECISION_REFUSED);
      assertThat(entry.run()).isEqualTo(incident.firstRun());
      assertThat(entry.detail()).isEqualTo("approval of REPAIR_FAILED_TASKS refused: not among RCA_APPROVERS");
    });
  }

  @Test
  void should_refuse_to_record_a_refusal_when_the_incident_does_not_exist() {
    assertThatThrownBy(() -> service(1).refuse(new RefuseDecisionCommand(new dev.aiops.rca.domain.IncidentId(404),
        RemediationAction.REPAIR_FAILED_TASKS, false, "slack:U1", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
