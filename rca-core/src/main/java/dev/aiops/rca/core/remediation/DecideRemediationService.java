package dev.aiops.rca.core.remediation;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.RefuseDecisionCommand;
import dev.aiops.rca.port.in.RefuseDecisionUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs or declines a suggested remediation on a person's decision, within the policy; and records a decision that
 * someone who may not decide tried to take.
 */
public final class DecideRemediationService implements DecideRemediationUseCase, RefuseDecisionUseCase {

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;
  private final RemediationRunner runner;
  private final RemediationPolicy policy;
  private final IncidentEvents events;
  private final Clock clock;
  private final Optional<IncidentUpdates> updates;

  /** Decisions that are recorded and published, without telling the ticket or the message. */
  public DecideRemediationService(
      IncidentRepository incidents,
      AuditTrail audit,
      RemediationLog remediationLog,
      Map<Source, RemediationExecutor> executors,
      RemediationPolicy policy,
      IncidentEvents events,
      Clock clock) {
    this(incidents, audit, remediationLog, executors, policy, events, clock, Optional.empty());
  }

  /** @param updates notes each decision's outcome on the ticket and redraws the incident's message with it */
  public DecideRemediationService(
      IncidentRepository incidents,
      AuditTrail audit,
      RemediationLog remediationLog,
      Map<Source, RemediationExecutor> executors,
      RemediationPolicy policy,
      IncidentEvents events,
      Clock clock,
      Optional<IncidentUpdates> updates) {
    this.updates = Objects.requireNonNull(updates, "updates");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.remediationLog = Objects.requireNonNull(remediationLog, "remediationLog");
    this.runner = new RemediationRunner(executors, clock);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RemediationOutcome decide(DecideRemediationCommand command) {
    Incident incident = incidents.find(command.incident())
        .orElseThrow(() -> new IllegalArgumentException("no incident " + command.incident()));
    List<RemediationOutcome> history = remediationLog.remediations(incident.id());
    if (!RemediationPolicy.isSuggested(command.action(), history)) {
      throw new IllegalArgumentException(
          "incident " + incident.id() + " has no pending suggestion of " + command.action());
    }
    RemediationPlan plan = latestPlan(history, command).orElseThrow();
    if (command.approved()) {
      // The decision is a step of its own in the trail, whatever the run then does.
      audit.append(new AuditEntry(clock.instant(), plan.target(), Optional.of(incident.id()), command.actor(),
          AuditAction.REMEDIATION_APPROVED, "approved " + plan.action() + " of " + plan.target()));
    }
    RemediationOutcome outcome = command.approved()
        ? run(incident, plan, history, command.actor())
        : outcome(plan, RemediationStatus.REJECTED, "declined by " + command.actor());
    remediationLog.record(outcome);
    audit.append(new AuditEntry(outcome.at(), plan.target(), Optional.of(incident.id()), command.actor(),
        auditActionOf(outcome.status()), outcome.detail()));
    events.publish(new IncidentChange(incident.id(), IncidentChange.Kind.REMEDIATED, outcome.at()));
    tell(incident, plan, outcome, command.actor());
    return outcome;
  }

  @Override
  public void refuse(RefuseDecisionCommand command) {
    Incident incident = incidents.find(command.incident())
        .orElseThrow(() -> new IllegalArgumentException("no incident " + command.incident()));
    List<RemediationOutcome> history = remediationLog.remediations(incident.id());
    // Filed under the run the suggestion would act on, where the dashboard shows the remediation's other steps.
    RunKey run = history.stream().filter(o -> o.plan().action() == command.action())
        .reduce((first, second) -> second).map(o -> o.plan().target()).orElse(incident.firstRun());
    audit.append(new AuditEntry(clock.instant(), run, Optional.of(incident.id()), command.actor(),
        AuditAction.REMEDIATION_DECISION_REFUSED, (command.approved() ? "approval" : "decline") + " of "
        + command.action() + " refused: " + command.reason()));
  }

  // Best effort: the decision is stored and audited; a ticket or message that cannot be told is audited.
  private void tell(Incident incident, RemediationPlan plan, RemediationOutcome outcome, String actor) {
    updates.ifPresent(u -> {
      u.noteRemediation(incident, outcome, EffectKey.decisionNote(incident.id(), plan.action(), outcome.at()), actor);
      u.redrawRemediation(incident, outcome, Optional.empty(), actor);
    });
  }

  private RemediationOutcome run(Incident incident, RemediationPlan plan, List<RemediationOutcome> history,
      String actor) {
    String refusal = policy.refusal(incident, plan.action(), history);
    if (!refusal.isEmpty()) {
      return outcome(plan, RemediationStatus.SKIPPED, "approved by " + actor + " but refused by policy: " + refusal);
    }
    return runner.run(plan, e -> "approved by " + actor + "; the platform failed: " + e.getMessage());
  }

  private static Optional<RemediationPlan> latestPlan(List<RemediationOutcome> history,
      DecideRemediationCommand command) {
    RemediationPlan plan = null;
    for (RemediationOutcome outcome : history) {
      if (outcome.plan().action() == command.action() && outcome.status() == RemediationStatus.SUGGESTED) {
        plan = outcome.plan();
      }
    }
    return Optional.ofNullable(plan);
  }

  private RemediationOutcome outcome(RemediationPlan plan, RemediationStatus status, String detail) {
    return runner.outcome(plan, status, detail);
  }

  /** The audit action that records a remediation ending with {@code status}. */
  public static AuditAction auditActionOf(RemediationStatus status) {
    switch (status) {
      case SUGGESTED:
        return AuditAction.REMEDIATION_SUGGESTED;
      case EXECUTED:
        return AuditAction.REMEDIATION_EXECUTED;
      case FAILED:
        return AuditAction.REMEDIATION_FAILED;
      case REJECTED:
        return AuditAction.REMEDIATION_REJECTED;
      case SKIPPED:
        return AuditAction.REMEDIATION_SKIPPED;
      default:
        throw new IllegalArgumentException("unknown status " + status);
    }
  }
}
