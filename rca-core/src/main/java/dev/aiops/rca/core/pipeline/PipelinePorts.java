package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.EffectLog;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.port.out.RootCauseModel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The driven ports the failure pipeline needs, gathered so that wiring names each one.
 *
 * @param sources a source per platform; a platform without one is analysed from the webhook alone
 * @param model a model that refines the rules' analysis, if configured
 * @param incidents the incident store
 * @param audit the audit trail
 * @param remediationLog the remediation attempts and decisions
 * @param tracker the issue tracker
 * @param notifiers the notifiers, the primary first
 * @param executors a remediation executor per platform, if any
 * @param events live updates
 * @param clock the time
 * @param effects the outbox that records each ticket, notification and remediation around its attempt
 */
public record PipelinePorts(
    Map<Source, FailedRunSource> sources,
    Optional<RootCauseModel> model,
    IncidentRepository incidents,
    AuditTrail audit,
    RemediationLog remediationLog,
    IssueTracker tracker,
    Notifiers notifiers,
    Map<Source, RemediationExecutor> executors,
    IncidentEvents events,
    Clock clock,
    EffectLog effects) {

  public PipelinePorts {
    sources = Map.copyOf(sources);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(remediationLog, "remediationLog");
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(notifiers, "notifiers");
    executors = Map.copyOf(executors);
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(effects, "effects");
    sources.forEach((source, port) -> {
      if (port.source() != source) {
        throw new IllegalArgumentException("the source registered for " + source + " speaks for " + port.source());
      }
    });
  }

  /** The ports with one notifier. */
  public PipelinePorts(
      Map<Source, FailedRunSource> sources,
      Optional<RootCauseModel> model,
      IncidentRepository incidents,
      AuditTrail audit,
      RemediationLog remediationLog,
      IssueTracker tracker,
      Notifier notifier,
      Map<Source, RemediationExecutor> executors,
      IncidentEvents events,
      Clock clock,
      EffectLog effects) {
    this(sources, model, incidents, audit, remediationLog, tracker, Notifiers.of(notifier), executors, events, clock,
        effects);
  }

  /** The ports with an effect log that lives as long as this process, for embedding without a database. */
  public PipelinePorts(
      Map<Source, FailedRunSource> sources,
      Optional<RootCauseModel> model,
      IncidentRepository incidents,
      AuditTrail audit,
      RemediationLog remediationLog,
      IssueTracker tracker,
      Notifier notifier,
      Map<Source, RemediationExecutor> executors,
      IncidentEvents events,
      Clock clock) {
    this(sources, model, incidents, audit, remediationLog, tracker, Notifiers.of(notifier), executors, events, clock,
        new ProcessEffectLog());
  }

  /** The primary notifier, whose message is the incident's own. */
  public Notifier notifier() {
    return notifiers.primary().notifier();
  }
}
