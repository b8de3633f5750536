package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.effect.Effects;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationRunner;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The failure pipeline: claim the run, fetch its details, analyse, file under a signature, ticket, notify,
 * remediate by policy; every step goes to the audit trail. Each step is a class of its own; this one orders them.
 *
 * <p>Only the claim and the filing must succeed. A platform that cannot be asked leaves a degraded analysis, a
 * model that fails leaves the rules' analysis, and a ticket or notification that fails is recorded as a problem for
 * a later retry rather than losing the incident.
 *
 * <p>Handling the same delivery again resumes it: the claim is granted to the same delivery, filing is idempotent
 * per run, an incident that has its ticket or message is not ticketed or notified again, a ticket is looked up by
 * its idempotency key before one is opened, and each outward effect is recorded in the effect log before it is
 * attempted.
 */
public final class HandleFailureService implements HandleFailureUseCase {

  /** The run tags kept with an incident as its cost tags when no list is configured. */
  public static final List<String> DEFAULT_COST_TAG_KEYS = List.of("cost_center", "CostCenter", "team");

  private final PipelinePorts ports;
  private final Journal journal;
  private final FetchStep fetching;
  private final AnalyseStep analysing;
  private final FileStep filing;
  private final TicketStep ticketing;
  private final TellPeopleStep telling;
  private final RemediateStep remediating;

  /** A pipeline that redacts with {@link Redactor#standard()}. */
  public HandleFailureService(
      PipelinePorts ports, RuleBasedAnalyzer rules, SignatureCalculator signatures, RemediationPolicy policy) {
    this(ports, rules, signatures, policy, Redactor.standard());
  }

  /**
   * @param redactor cleans every fetched run before anything reads it, so that no secret reaches the model, a
   *     ticket, a notification, the store or a log
   */
  public HandleFailureService(PipelinePorts ports, RuleBasedAnalyzer rules, SignatureCalculator signatures,
      RemediationPolicy policy, Redactor redactor) {
    this(ports, rules, signatures, policy, redactor, DEFAULT_COST_TAG_KEYS);
  }

  /**
   * @param redactor cleans every fetched run before anything reads it
   * @param costTagKeys the run tags that are kept with a new incident as its cost tags (FinOps)
   */
  public HandleFailureService(PipelinePorts ports, RuleBasedAnalyzer rules, SignatureCalculator signatures,
      RemediationPolicy policy, Redactor redactor, List<String> costTagKeys) {
    this(ports, rules, signatures, policy, redactor, costTagKeys,
        StormGate.unlimited(ports.notifiers(), ports.clock()));
  }

  /**
   * @param redactor cleans every fetched run before anything reads it
   * @param costTagKeys the run tags that are kept with a new incident as its cost tags (FinOps)
   * @param storms which new incidents get a message of their own, and which are listed on a storm's summary
   */
  public HandleFailureService(PipelinePorts ports, RuleBasedAnalyzer rules, SignatureCalculator signatures,
      RemediationPolicy policy, Redactor redactor, List<String> costTagKeys, StormGate storms) {
    this(ports, rules, signatures, policy, redactor, costTagKeys, storms, RoutingService.unrouted());
  }

  /**
   * @param redactor cleans every fetched run before anything reads it
   * @param costTagKeys the run tags that are kept with a new incident as its cost tags (FinOps)
   * @param storms which new incidents get a message of their own, and which are listed on a storm's summary
   * @param routing who each new incident belongs to, how urgent it is, and where its messages and ticket go
   */
  public HandleFailureService(PipelinePorts ports, RuleBasedAnalyzer rules, SignatureCalculator signatures,
      RemediationPolicy policy, Redactor redactor, List<String> costTagKeys, StormGate storms,
      RoutingService routing) {
    Objects.requireNonNull(costTagKeys, "costTagKeys");
    this.ports = Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(policy, "policy");
    this.journal = new Journal(ports.audit(), ports.events(), ports.clock());
    Effects effects = new Effects(ports.effects(), ports.audit(), ports.clock());
    IncidentUpdates updates = new IncidentUpdates(ports.audit(), ports.effects(), ports.tracker(),
        ports.notifiers(), ports.clock(), routing);
    this.fetching = new FetchStep(ports.sources(), redactor, journal);
    this.analysing = new AnalyseStep(rules, ports.model(), journal);
    this.filing = new FileStep(signatures, costTagKeys, ports.incidents(), journal, routing);
    this.ticketing = new TicketStep(ports.tracker(), ports.incidents(), effects, journal, routing);
    this.telling = new TellPeopleStep(ports.notifiers(), ports.tracker(), ports.incidents(), updates, effects, journal,
        storms, routing);
    this.remediating = new RemediateStep(policy, new RemediationRunner(ports.executors(), ports.clock()),
        ports.remediationLog(), effects, journal);
  }

  @Override
  public HandleFailureResult handle(HandleFailureCommand command) {
    RunKey run = command.event().run();
    RunClaim claim = ports.incidents().claim(run, command.deliveryId(), ports.clock().instant());
    if (claim == RunClaim.ALREADY_CLAIMED) {
      journal.audit(run, AuditAction.DUPLICATE_DELIVERY,
          "duplicate delivery " + command.deliveryId() + ": run " + run + " was delivered before; ignored");
      return new HandleFailureResult.Duplicate(run);
    }
    return handleClaimed(command);
  }

  /**
   * Handles a failure whose run the command's delivery already holds: the inbox claims a run when it stores the
   * delivery, in the same transaction, so that the run is claimed once.
   */
  public HandleFailureResult handleClaimed(HandleFailureCommand command) {
    FailureEvent event = command.event();
    RunKey run = event.run();
    journal.audit(run, AuditAction.RECEIVED,
        "failure of " + event.displayName() + " received in delivery " + command.deliveryId());

    FetchStep.Fetched fetched = fetching.fetch(event);
    FailedRun failedRun = fetched.run();
    Optional<String> recovered = RecoveryCheck.reason(failedRun);
    if (recovered.isPresent()) {
      journal.audit(run, AuditAction.RECOVERED, recovered.get());
      return new HandleFailureResult.Skipped(run, recovered.get());
    }
    RunKey innermost = failedRun.chain().innermost().run();
    // A wrapper's delivery claims the innermost run too: of a chain's deliveries, the one holding it tickets.
    if (!innermost.equals(run) && ports.incidents().claim(innermost, command.deliveryId(), ports.clock().instant())
        == RunClaim.ALREADY_CLAIMED) {
      return joinChain(event, fetched, innermost);
    }
    AnalyseStep.Analysed analysed = analysing.analyse(fetched);
    FileStep.Filed result = filing.file(event, failedRun, analysed);
    Filing filed = result.filing();
    Incident incident = filed.incident();
    Problems problems = new Problems();
    if (filed instanceof Filing.Opened) {
      // A resumed delivery whose message went out while the tracker was down: the message learns of the ticket.
      boolean toldBeforeTicket = incident.notification().isPresent() && incident.ticket().isEmpty();
      incident = ticketing.open(incident, failedRun, problems);
      incident = telling.notify(incident, failedRun, problems);
      if (toldBeforeTicket && incident.ticket().isPresent()) {
        telling.showTicket(incident, failedRun);
      }
    } else {
      telling.recurrence(incident, run, problems);
      if (result.priorityRaised()) {
        telling.showPriority(incident, failedRun); // the card's colour and badge follow the new priority
      }
    }
    Optional<RemediationOutcome> remediation = remediating.remediate(incident, run);
    if (remediation.isPresent()) {
      telling.remediation(incident, remediation.get(), failedRun.runPageUrl(), problems);
    }
    return new HandleFailureResult.Handled(
        filed instanceof Filing.Opened ? new Filing.Opened(incident) : new Filing.Recurred(incident),
        remediation,
        problems.lines(),
        problems.retryAfter());
  }

  /**
   * A run that only wrapped a failure whose innermost run another delivery holds (the child pipeline's own alert,
   * or the Databricks run's webhook): that delivery tickets and tells; this one files the same run, which is
   * idempotent, only to name the incident. The rules' analysis is enough for that, so no model is asked.
   */
  private HandleFailureResult joinChain(FailureEvent event, FetchStep.Fetched fetched, RunKey innermost) {
    Incident incident = filing.join(event, fetched.run(), analysing.rulesOnly(fetched));
    String reason = "part of the failure chain of incident " + incident.id() + ", filed under its innermost run "
        + innermost + " which another delivery handles; no ticket of its own";
    journal.audit(event.run(), incident.id(), AuditAction.FAILURE_CHAIN, reason);
    return new HandleFailureResult.Skipped(event.run(), reason);
  }

  /** The key under which the incident's ticket is opened, stable across retries and restarts. */
  public static String idempotencyKey(Incident incident) {
    return EffectKey.ticket(incident).value();
  }
}
