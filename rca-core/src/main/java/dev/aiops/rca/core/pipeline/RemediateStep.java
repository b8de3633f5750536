package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.EffectStep;
import dev.aiops.rca.core.effect.Effects;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.RemediationDecision;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationRunner;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.out.RemediationLog;
import java.util.Objects;
import java.util.Optional;

/**
 * Remediates by policy: suggests, or runs once per run and action through the effect log; a resumed delivery
 * finds the outcome it recorded before rather than running the plan again.
 */
final class RemediateStep {

  private final RemediationPolicy policy;
  private final RemediationRunner runner;
  private final RemediationLog remediationLog;
  private final Effects effects;
  private final Journal journal;

  RemediateStep(RemediationPolicy policy, RemediationRunner runner, RemediationLog remediationLog, Effects effects,
      Journal journal) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.remediationLog = Objects.requireNonNull(remediationLog, "remediationLog");
    this.effects = Objects.requireNonNull(effects, "effects");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * The remediation of the incident's failure in {@code run}, recorded and audited; empty when the policy
   * proposes none.
   *
   * <p>It goes by the incident's one analysis, as the approval of a suggestion does, so that what was suggested
   * is what may be approved; a model's category is in that analysis only where the evidence supports it.
   */
  Optional<RemediationOutcome> remediate(Incident incident, RunKey run) {
    RemediationAction action = RemediationPolicy.actionFor(run.source());
    boolean ranBefore = effects.find(EffectKey.remediation(incident.id(), run, action))
        .filter(effect -> effect.state() == EffectState.DONE).isPresent();
    if (ranBefore) {
      // A resumed delivery: the remediation ran and was recorded before; its ticket note may still be owed.
      return latestOutcome(incident, run, action);
    }
    RemediationDecision decision =
        policy.decide(incident, run, remediationLog.remediations(incident.id()));
    if (decision instanceof RemediationDecision.NoRemediation) {
      return Optional.empty();
    }
    RemediationOutcome outcome;
    if (decision instanceof RemediationDecision.Suggest) {
      RemediationPlan plan = ((RemediationDecision.Suggest) decision).plan();
      outcome = recorded(incident, run, runner.outcome(plan, RemediationStatus.SUGGESTED, runner.describe(plan)));
    } else {
      outcome = execute(incident, run, ((RemediationDecision.Execute) decision).plan());
    }
    journal.publish(incident.id(), IncidentChange.Kind.REMEDIATED);
    return Optional.of(outcome);
  }

  private RemediationOutcome execute(Incident incident, RunKey run, RemediationPlan plan) {
    EffectStep step = journal.step(EffectKey.remediation(plan), EffectKind.REMEDIATION, run, incident.id());
    if (effects.find(step.key()).isPresent()) {
      // An attempt was interrupted and may have reached the platform: people decide whether to run it again.
      return recorded(incident, run, runner.outcome(plan, RemediationStatus.SKIPPED,
          "an earlier attempt was interrupted and may have run; not repeated automatically"));
    }
    return effects.cause(step, () -> {
      RemediationOutcome outcome = runner.run(plan, Journal::describe);
      // Done only once the outcome is stored, so that a resumed delivery never finds a done effect without it.
      remediationLog.record(outcome);
      return new Effects.Done<>(outcome, outcome.status() + outcome.newRun().map(r -> " " + r).orElse(""),
          DecideRemediationService.auditActionOf(outcome.status()), outcome.detail());
    });
  }

  /** The outcome, recorded and audited, of a remediation that caused no effect. */
  private RemediationOutcome recorded(Incident incident, RunKey run, RemediationOutcome outcome) {
    remediationLog.record(outcome);
    journal.audit(run, incident.id(), DecideRemediationService.auditActionOf(outcome.status()), outcome.detail());
    return outcome;
  }

  private Optional<RemediationOutcome> latestOutcome(Incident incident, RunKey run, RemediationAction action) {
    RemediationOutcome latest = null;
    for (RemediationOutcome outcome : remediationLog.remediations(incident.id())) {
      boolean runResult = outcome.status() == RemediationStatus.RUN_SUCCEEDED
          || outcome.status() == RemediationStatus.RUN_FAILED;
      if (outcome.plan().target().equals(run) && outcome.plan().action() == action && !runResult) {
        latest = outcome;
      }
    }
    return Optional.ofNullable(latest);
  }
}
