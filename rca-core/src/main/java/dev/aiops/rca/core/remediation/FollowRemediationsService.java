package dev.aiops.rca.core.remediation;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.FollowRemediationsUseCase;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.EffectLog;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the runs that executed remediations started (a Databricks repair, an ADF rerun) until they end, then
 * records the result, notes it on the ticket, redraws the message and, when the run ended well, resolves the
 * incident.
 *
 * <p>The state is the store: an executed remediation without a recorded result is still to follow, so following
 * survives restarts, and {@link RemediationLog#record} records a result once however many replicas see it.
 * The ticket note comes before the result is recorded, so that a tracker that cannot take it now leaves the run
 * to be followed again rather than the ticket untold.
 */
public final class FollowRemediationsService implements FollowRemediationsUseCase {

  static final String ACTOR = "remediation-follower";
  private static final Logger LOG = LoggerFactory.getLogger(FollowRemediationsService.class);
  private static final int BATCH = 100;
  /** How long another follower's unfinished note keeps this one from writing it too. */
  private static final Duration NOTE_TAKEOVER = Duration.ofMinutes(2);

  /**
   * How following behaves.
   *
   * @param resolveOnSuccess whether an incident is resolved when its remediation's run ends well
   * @param giveUpAfter how long a started run is followed before it is recorded as failed for want of a result
   */
  public record Settings(boolean resolveOnSuccess, Duration giveUpAfter) {
    public Settings {
      Objects.requireNonNull(giveUpAfter, "giveUpAfter");
      if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
        throw new IllegalArgumentException("giveUpAfter must be positive, was " + giveUpAfter);
      }
    }

    /** Resolve on success; follow a run for two days at most. */
    public static Settings defaults() {
      return new Settings(true, Duration.ofDays(2));
    }
  }

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;
  private final Map<Source, RemediationExecutor> executors;
  private final EffectLog effects;
  private final IncidentUpdates updates;
  private final ResolveIncidentUseCase resolver;
  private final IncidentEvents events;
  private final Clock clock;
  private final Settings settings;

  public FollowRemediationsService(IncidentRepository incidents, AuditTrail audit, RemediationLog remediationLog,
      Map<Source, RemediationExecutor> executors, EffectLog effects, IncidentUpdates updates,
      ResolveIncidentUseCase resolver, IncidentEvents events, Clock clock, Settings settings) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.remediationLog = Objects.requireNonNull(remediationLog, "remediationLog");
    this.executors = Map.copyOf(executors);
    this.effects = Objects.requireNonNull(effects, "effects");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public List<RemediationOutcome> followUp() {
    List<RemediationOutcome> recorded = new ArrayList<>();
    for (RemediationOutcome executed : remediationLog.unfinishedRemediations(BATCH)) {
      RemediationExecutor executor = executors.get(executed.plan().target().source());
      if (executor == null) {
        continue; // the platform is no longer configured here; another replica, or a later start, may follow it
      }
      ask(executor, executed).flatMap(progress -> conclude(executed, progress)).ifPresent(recorded::add);
    }
    return recorded;
  }

  /** Where the run stands, or empty when the platform cannot be asked now. */
  private Optional<RemediationProgress> ask(RemediationExecutor executor, RemediationOutcome executed) {
    RemediationProgress progress;
    try {
      progress = executor.progress(executed);
    } catch (PermanentPortException e) {
      progress = RemediationProgress.failed("the run can no longer be followed: " + e.getMessage());
    } catch (PortException e) {
      LOG.warn("cannot ask {} about run {} of incident {} now: {}", executed.plan().target().source(),
          executed.newRun().orElseThrow(), executed.plan().incident(), e.getMessage());
      return Optional.empty();
    }
    if (!progress.finished() && clock.instant().isAfter(executed.at().plus(settings.giveUpAfter()))) {
      progress = RemediationProgress.failed("no result within " + settings.giveUpAfter().toHours()
          + " h; no longer followed (last seen: " + progress.detail() + ")");
    }
    return Optional.of(progress);
  }

  private Optional<RemediationOutcome> conclude(RemediationOutcome executed, RemediationProgress progress) {
    if (!progress.finished()) {
      return Optional.empty();
    }
    RemediationPlan plan = executed.plan();
    boolean succeeded = progress.phase() == RemediationProgress.Phase.SUCCEEDED;
    RemediationOutcome result = new RemediationOutcome(plan,
        succeeded ? RemediationStatus.RUN_SUCCEEDED : RemediationStatus.RUN_FAILED, progress.detail(),
        clock.instant(), executed.newRun());
    Optional<Incident> found = incidents.find(plan.incident());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Incident incident = found.get();
    EffectKey noteKey = EffectKey.resultNote(plan.incident(), executed.newRun().orElseThrow());
    if (anotherFollowerIsNoting(noteKey)) {
      return Optional.empty();
    }
    Optional<PortException> untold = updates.noteRemediation(incident, result, noteKey, ACTOR);
    if (untold.isPresent() && untold.get().isTransient()) {
      return Optional.empty(); // followed again next time, when the tracker may take the note
    }
    if (!remediationLog.record(result)) {
      return Optional.empty(); // another replica recorded it first
    }
    audit.append(new AuditEntry(result.at(), plan.target(), Optional.of(plan.incident()), ACTOR,
        succeeded ? AuditAction.REMEDIATION_RUN_SUCCEEDED : AuditAction.REMEDIATION_RUN_FAILED, result.detail()));
    events.publish(new IncidentChange(plan.incident(), IncidentChange.Kind.REMEDIATED, result.at()));
    if (succeeded && settings.resolveOnSuccess()) {
      resolver.resolve(new ResolveIncidentCommand(plan.incident(), ACTOR,
          plan.action() + " of run " + plan.target().runId() + " ended well"));
    } else {
      updates.redrawRemediation(incident, result, Optional.empty(), ACTOR);
    }
    return Optional.of(result);
  }

  private boolean anotherFollowerIsNoting(EffectKey noteKey) {
    Optional<Effect> note = effects.find(noteKey.value());
    return note.isPresent() && note.get().state() == EffectState.PENDING
        && note.get().intendedAt().isAfter(clock.instant().minus(NOTE_TAKEOVER));
  }
}
