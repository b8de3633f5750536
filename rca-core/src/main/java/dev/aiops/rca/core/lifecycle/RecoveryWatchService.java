package dev.aiops.rca.core.lifecycle;

import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.pipeline.RecoveryCheck;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks again at the latest failed run of each open incident: a run that its platform now reports as ended well
 * (people repaired it, a retry or a Data Factory rerun succeeded) recovered after its ticket was opened. The ticket
 * is told once, and the incident is resolved when the policy says so ({@code RCA_RESOLVE_ON_RECOVERY}).
 *
 * <p>The same rule as before ticketing decides ({@link RecoveryCheck}). Incidents whose repair this service ran are
 * left to the remediation follower, which tells how that run ended.
 */
public final class RecoveryWatchService {

  /** The actor of the audit entries, notes and resolutions of this watch. */
  public static final String ACTOR = "recovery-watch";

  private static final Logger LOG = LoggerFactory.getLogger(RecoveryWatchService.class);
  private static final Set<AuditAction> FILED = Set.of(AuditAction.INCIDENT_OPENED, AuditAction.OCCURRENCE_ADDED);

  /**
   * How the watch looks.
   *
   * @param resolve whether a recovered incident is resolved ({@code RCA_RESOLVE_ON_RECOVERY}, default true) or
   *     only noted
   * @param every how often the watch looks ({@code RCA_RECOVERY_INTERVAL}, default 5 min; zero for never)
   * @param lookBack incidents last seen longer ago are not looked at again: their runs are past repairing
   * @param maxPerRound how many open incidents one round asks about, newest first, to bound the platform calls
   */
  public record Settings(boolean resolve, Duration every, Duration lookBack, int maxPerRound) {
    public Settings {
      Objects.requireNonNull(every, "every");
      Objects.requireNonNull(lookBack, "lookBack");
      if (maxPerRound < 1 || maxPerRound > 1000) {
        throw new IllegalArgumentException("maxPerRound must be within [1, 1000], was " + maxPerRound);
      }
    }

    public static Settings defaults() {
      return new Settings(true, Duration.ofMinutes(5), Duration.ofDays(7), 200);
    }
  }

  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediations;
  private final Map<Source, FailedRunSource> sources;
  private final IncidentUpdates updates;
  private final ResolveIncidentUseCase resolver;
  private final Clock clock;
  private final Settings settings;

  public RecoveryWatchService(IncidentRepository incidents, AuditTrail audit, RemediationLog remediations,
      Map<Source, FailedRunSource> sources, IncidentUpdates updates, ResolveIncidentUseCase resolver, Clock clock,
      Settings settings) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.remediations = Objects.requireNonNull(remediations, "remediations");
    this.sources = Map.copyOf(sources);
    this.updates = Objects.requireNonNull(updates, "updates");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** One look at the open incidents; the ones found recovered. */
  public List<IncidentId> round() {
    Instant since = clock.instant().minus(settings.lookBack());
    List<IncidentId> recovered = new ArrayList<>();
    IncidentQuery open = new IncidentQuery(Optional.empty(), Optional.empty(), Optional.of(IncidentStatus.OPEN),
        Optional.empty(), settings.maxPerRound());
    for (Incident incident : incidents.list(open)) {
      if (incident.lastSeen().isAfter(since) && sources.containsKey(incident.source()) && !repairedByUs(incident)
          && recovered(incident)) {
        recovered.add(incident.id());
      }
    }
    return recovered;
  }

  private boolean recovered(Incident incident) {
    List<AuditEntry> trail = audit.auditTrail(incident.id());
    RunKey run = latestRun(incident, trail);
    if (trail.stream().anyMatch(entry -> entry.action() == AuditAction.RECOVERED && entry.run().equals(run))) {
      return false; // told before, and left open by the policy
    }
    Optional<String> reason;
    try {
      FailedRun now = sources.get(run.source()).fetch(new FailureEvent(run, "", incident.jobName(), "",
          incident.lastSeen(), Optional.empty(), ""));
      reason = RecoveryCheck.reason(now);
    } catch (RuntimeException e) {
      // A platform that cannot be asked now is asked again next round.
      LOG.debug("run {} of incident {} could not be looked at again: {}", run, incident.id(), e.toString());
      return false;
    }
    if (reason.isEmpty()) {
      return false;
    }
    audit.append(new AuditEntry(clock.instant(), run, Optional.of(incident.id()), ACTOR, AuditAction.RECOVERED,
        reason.get()));
    String note = "The failed run recovered after this ticket was opened: " + reason.get() + "."
        + (settings.resolve() ? " The incident is resolved." : " The incident stays open for people to close.");
    updates.noteOnTicket(incident, run, EffectKey.recoveryNote(incident.id(), run), note, ACTOR);
    if (settings.resolve()) {
      resolver.resolve(new ResolveIncidentCommand(incident.id(), ACTOR, "the failed run recovered"));
    }
    return true;
  }

  /** The latest run filed under the incident: a recurrence's run, else the run that opened it. */
  private static RunKey latestRun(Incident incident, List<AuditEntry> trail) {
    RunKey latest = incident.firstRun();
    for (AuditEntry entry : trail) {
      if (FILED.contains(entry.action())) {
        latest = entry.run();
      }
    }
    return latest;
  }

  private boolean repairedByUs(Incident incident) {
    return remediations.remediations(incident.id()).stream()
        .anyMatch(outcome -> outcome.status() == RemediationStatus.EXECUTED);
  }
}
