package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.core.analysis.RcaReport;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.lifecycle.IncidentMessage;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.remediation.RemediationDecision;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationRunner;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.domain.TicketRequest;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.RunNotFinishedException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.out.FailedRunSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The failure pipeline: claim the run, fetch its details, analyse, file under a signature, ticket, notify,
 * remediate by policy; every step goes to the audit trail.
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

  static final String ACTOR = "pipeline";

  private final PipelinePorts ports;
  private final RuleBasedAnalyzer rules;
  private final SignatureCalculator signatures;
  private final RemediationPolicy policy;
  private final Redactor redactor;
  private final List<String> costTagKeys;
  private final IncidentUpdates updates;
  private final RemediationRunner runner;

  /** The run tags kept with an incident as its cost tags when no list is configured. */
  public static final List<String> DEFAULT_COST_TAG_KEYS = List.of("cost_center", "CostCenter", "team");

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
    this.costTagKeys = List.copyOf(Objects.requireNonNull(costTagKeys, "costTagKeys"));
    this.ports = Objects.requireNonNull(ports, "ports");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.runner = new RemediationRunner(ports.executors(), ports.clock());
    this.updates = new IncidentUpdates(ports.incidents(), ports.effects(), ports.tracker(), ports.notifier(),
        ports.clock());
  }

  @Override
  public HandleFailureResult handle(HandleFailureCommand command) {
    FailureEvent event = command.event();
    RunKey run = event.run();
    RunClaim claim = ports.incidents().claim(run, command.deliveryId(), ports.clock().instant());
    if (claim == RunClaim.ALREADY_CLAIMED) {
      audit(run, Optional.empty(), AuditAction.DUPLICATE_DELIVERY,
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
    audit(run, Optional.empty(), AuditAction.RECEIVED,
        "failure of " + event.displayName() + " received in delivery " + command.deliveryId());

    Fetched fetched = fetch(event);
    FailedRun failedRun = redactor.redact(fetched.run());
    Optional<String> recovered = recovery(failedRun);
    if (recovered.isPresent()) {
      audit(run, Optional.empty(), AuditAction.RECOVERED, recovered.get());
      return new HandleFailureResult.Skipped(run, recovered.get());
    }
    RootCauseAnalysis rulesResult = rules.analyze(failedRun);
    if (fetched.degraded()) {
      rulesResult = rulesResult.withFlag(AnalysisFlag.DEGRADED_SOURCE);
    }
    RootCauseAnalysis analysis = refine(failedRun, rulesResult);
    // The signature comes from the rules, never from model output, so that recurrences group stably.
    ErrorSignature signature = signatures.signatureOf(failedRun, rulesResult);

    Filing filing = ports.incidents().file(
        new IncidentDraft(run, signature, event.displayName(), event.occurredAt(), analysis, costTags(failedRun)));
    Incident incident = filing.incident();
    Problems problems = new Problems();
    if (filing instanceof Filing.Opened) {
      audit(run, Optional.of(incident.id()), AuditAction.INCIDENT_OPENED,
          "incident " + incident.id() + " opened for signature " + signature.shortHash());
      publish(incident.id(), IncidentChange.Kind.OPENED);
      // A resumed delivery whose message went out while the tracker was down: the message learns of the ticket.
      boolean toldBeforeTicket = incident.notification().isPresent() && incident.ticket().isEmpty();
      incident = openTicket(incident, failedRun, problems);
      incident = notifyPeople(incident, failedRun, problems);
      if (toldBeforeTicket && incident.ticket().isPresent()) {
        showTicket(incident, failedRun);
      }
    } else {
      audit(run, Optional.of(incident.id()), AuditAction.OCCURRENCE_ADDED,
          "occurrence " + incident.occurrences() + " of incident " + incident.id());
      publish(incident.id(), IncidentChange.Kind.RECURRED);
      tellRecurrence(incident, run, problems);
    }
    Optional<RemediationOutcome> remediation = remediate(incident, rulesResult.category(), run);
    if (remediation.isPresent()) {
      tellRemediation(incident, remediation.get(), failedRun.runPageUrl(), problems);
    }
    return new HandleFailureResult.Handled(
        filing instanceof Filing.Opened ? new Filing.Opened(incident) : new Filing.Recurred(incident),
        remediation,
        problems.lines(),
        problems.retryAfter());
  }

  /** What went wrong on the way out, and the longest wait the systems concerned asked for. */
  private static final class Problems {
    private final List<String> lines = new ArrayList<>();
    private Optional<Duration> retryAfter = Optional.empty();

    void add(String line) {
      lines.add(line);
    }

    void add(String line, PortException cause) {
      lines.add(line);
      if (cause instanceof TransientPortException transientCause && transientCause.retryAfter().isPresent()) {
        Duration asked = transientCause.retryAfter().get();
        retryAfter = Optional.of(retryAfter.filter(known -> known.compareTo(asked) >= 0).orElse(asked));
      }
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    Optional<Duration> retryAfter() {
      return retryAfter;
    }
  }

  /** A fetched run, degraded when only the webhook's own data could be used. */
  private record Fetched(FailedRun run, boolean degraded) {}

  private Fetched fetch(FailureEvent event) {
    FailedRunSource source = ports.sources().get(event.source());
    if (source == null) {
      audit(event.run(), Optional.empty(), AuditAction.SOURCE_UNAVAILABLE,
          "no " + event.source() + " source is configured; analysing the webhook alone");
      return new Fetched(FailedRun.fromEventOnly(event), true);
    }
    try {
      FailedRun run = source.fetch(event);
      audit(event.run(), Optional.empty(), AuditAction.FETCHED,
          "fetched the run with " + run.tasks().size() + " task(s)");
      return new Fetched(run, false);
    } catch (RunNotFinishedException e) {
      // Not a failure yet: the delivery is retried later, when the last attempt has ended.
      audit(event.run(), Optional.empty(), AuditAction.NOT_FINISHED, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // A broken adapter must not lose the failure: analyse what the webhook carried instead.
      audit(event.run(), Optional.empty(), AuditAction.SOURCE_UNAVAILABLE,
          event.source() + " could not be asked (" + describe(e) + "); analysing the webhook alone");
      return new Fetched(FailedRun.fromEventOnly(event), true);
    }
  }

  private RootCauseAnalysis refine(FailedRun run, RootCauseAnalysis rulesResult) {
    RunKey key = run.event().run();
    if (ports.model().isEmpty()) {
      audit(key, Optional.empty(), AuditAction.ANALYZED, summaryOf(rulesResult));
      return rulesResult;
    }
    try {
      RootCauseAnalysis refined = grounded(ports.model().get().analyze(run, rulesResult), rulesResult);
      audit(key, Optional.empty(), AuditAction.ANALYZED, summaryOf(refined));
      return refined;
    } catch (RuntimeException e) {
      RootCauseAnalysis fallback = rulesResult.withFlag(AnalysisFlag.MODEL_FALLBACK);
      audit(key, Optional.empty(), AuditAction.MODEL_FALLBACK,
          "the model failed (" + describe(e) + "); the rules' analysis stands");
      audit(key, Optional.empty(), AuditAction.ANALYZED, summaryOf(fallback));
      return fallback;
    }
  }

  private Incident openTicket(Incident incident, FailedRun run, Problems problems) {
    if (incident.ticket().isPresent()) {
      return incident; // a resumed delivery: the ticket was opened before the interruption
    }
    TicketRequest request = ticketRequest(incident, run);
    try {
      ports.effects().intend(request.idempotencyKey(), EffectKind.TICKET, incident.id(), ports.clock().instant());
      // Asking first is what keeps a crash between "opened" and "recorded" from opening a second ticket.
      TicketRef ticket = ports.tracker().findByIdempotencyKey(request.idempotencyKey())
          .orElseGet(() -> ports.tracker().open(request));
      Incident ticketed = ports.incidents().attachTicket(incident.id(), ticket);
      ports.effects().markDone(request.idempotencyKey(), ticket.key(), ports.clock().instant());
      audit(incident.firstRun(), Optional.of(incident.id()), AuditAction.TICKET_CREATED,
          "ticket " + ticket.key() + " in " + ticket.system());
      publish(incident.id(), IncidentChange.Kind.TICKETED);
      return ticketed;
    } catch (PortException e) {
      problems.add("ticket not opened: " + describe(e), e);
      audit(incident.firstRun(), Optional.of(incident.id()), AuditAction.TICKET_FAILED, describe(e));
      return incident;
    }
  }

  private Incident notifyPeople(Incident incident, FailedRun run, Problems problems) {
    if (incident.notification().isPresent()) {
      return incident; // a resumed delivery: people were told before the interruption
    }
    Notification notification = IncidentMessage.of(incident, run.runPageUrl());
    String key = EffectKey.notification(incident).value();
    try {
      // A notifier cannot be asked whether it sent a message, so an attempt interrupted between sending and
      // recording is sent again: a rare repeated message is better than a missing alert.
      ports.effects().intend(key, EffectKind.NOTIFICATION, incident.id(), ports.clock().instant());
      NotificationRef ref = ports.notifier().notify(notification);
      Incident notified = ports.incidents().attachNotification(incident.id(), ref);
      ports.effects().markDone(key, ref.channel() + "/" + ref.messageId(), ports.clock().instant());
      audit(incident.firstRun(), Optional.of(incident.id()), AuditAction.NOTIFIED, "notified " + ref.channel());
      publish(incident.id(), IncidentChange.Kind.NOTIFIED);
      return notified;
    } catch (PortException e) {
      problems.add("notification not sent: " + describe(e), e);
      audit(incident.firstRun(), Optional.of(incident.id()), AuditAction.NOTIFICATION_FAILED, describe(e));
      return incident;
    }
  }

  /** Redraws the incident's message now that it has a ticket. */
  private void showTicket(Incident incident, FailedRun run) {
    updates.redraw(incident, IncidentMessage.of(incident, run.runPageUrl()), incident.firstRun(), ACTOR,
        "ticket " + incident.ticket().orElseThrow().key());
  }

  /**
   * Notes the remediation's outcome on the ticket (once, through the effect log) and redraws the message with it.
   * A note the tracker cannot take now is a problem, so that the delivery is tried again and the note follows.
   */
  private void tellRemediation(Incident incident, RemediationOutcome outcome, Optional<String> runPageUrl,
      Problems problems) {
    EffectKey key = EffectKey.remediationNote(incident.id(), outcome.plan().target(), outcome.status());
    updates.noteRemediation(incident, outcome, key, ACTOR)
        .ifPresent(e -> problems.add("ticket not noted of the remediation: " + describe(e), e));
    updates.redrawRemediation(incident, outcome, runPageUrl, ACTOR);
  }

  private void tellRecurrence(Incident incident, RunKey run, Problems problems) {
    Recurrence recurrence =
        new Recurrence(incident.id(), run, incident.occurrences(), incident.lastSeen());
    // A recurrence can be filed while the incident's first delivery is still opening its ticket or message; it is
    // then told on a later attempt of this delivery rather than not at all.
    if (incident.ticket().isEmpty()) {
      problems.add("incident " + incident.id() + " has no ticket yet; its ticket is told of this run later");
    }
    if (incident.notification().isEmpty()) {
      problems.add("incident " + incident.id() + " has no message yet; its message is updated later");
    }
    incident.ticket().ifPresent(ticket -> {
      String key = EffectKey.recurrenceOnTicket(incident.id(), run).value();
      try {
        if (ports.effects().intend(key, EffectKind.TICKET, incident.id(), ports.clock().instant()).state()
            == EffectState.DONE) {
          return; // a resumed delivery: the ticket was told before the interruption
        }
        ports.tracker().recordRecurrence(ticket, recurrence);
        ports.effects().markDone(key, ticket.key(), ports.clock().instant());
        audit(run, Optional.of(incident.id()), AuditAction.TICKET_UPDATED,
            "ticket " + ticket.key() + " told of occurrence " + incident.occurrences());
      } catch (PortException e) {
        problems.add("ticket not updated: " + describe(e), e);
        audit(run, Optional.of(incident.id()), AuditAction.TICKET_FAILED, describe(e));
      }
    });
    incident.notification().ifPresent(message -> {
      String key = EffectKey.recurrenceOnMessage(incident.id(), run).value();
      try {
        if (ports.effects().intend(key, EffectKind.NOTIFICATION, incident.id(), ports.clock().instant()).state()
            == EffectState.DONE) {
          return; // a resumed delivery: the message was updated before the interruption
        }
        ports.notifier().update(message, recurrence);
        ports.effects().markDone(key, message.messageId(), ports.clock().instant());
        audit(run, Optional.of(incident.id()), AuditAction.NOTIFICATION_UPDATED,
            "message updated with occurrence " + incident.occurrences());
      } catch (PortException e) {
        problems.add("notification not updated: " + describe(e), e);
        audit(run, Optional.of(incident.id()), AuditAction.NOTIFICATION_FAILED, describe(e));
      }
    });
  }

  private Optional<RemediationOutcome> remediate(Incident incident, Category rulesCategory, RunKey run) {
    RemediationAction action = RemediationPolicy.actionFor(run.source());
    Optional<Effect> done = ports.effects().find(EffectKey.remediation(incident.id(), run, action).value())
        .filter(effect -> effect.state() == EffectState.DONE);
    if (done.isPresent()) {
      // A resumed delivery: the remediation ran and was recorded before; its ticket note may still be owed.
      return latestOutcome(incident, run, action);
    }
    RemediationDecision decision =
        policy.decide(incident, rulesCategory, run, ports.incidents().remediations(incident.id()));
    if (decision instanceof RemediationDecision.NoRemediation) {
      return Optional.empty();
    }
    RemediationOutcome outcome;
    Optional<String> effectKey = Optional.empty();
    if (decision instanceof RemediationDecision.Suggest) {
      RemediationPlan plan = ((RemediationDecision.Suggest) decision).plan();
      outcome = runner.outcome(plan, RemediationStatus.SUGGESTED, runner.describe(plan));
    } else {
      RemediationPlan plan = ((RemediationDecision.Execute) decision).plan();
      String key = EffectKey.remediation(plan).value();
      Optional<Effect> earlier = ports.effects().find(key);
      if (earlier.isPresent()) {
        // An attempt was interrupted and may have reached the platform: people decide whether to run it again.
        outcome = runner.outcome(plan, RemediationStatus.SKIPPED,
            "an earlier attempt was interrupted and may have run; not repeated automatically");
      } else {
        ports.effects().intend(key, EffectKind.REMEDIATION, incident.id(), ports.clock().instant());
        outcome = runner.run(plan, HandleFailureService::describe);
        effectKey = Optional.of(key);
      }
    }
    ports.incidents().record(outcome);
    // Done only once the outcome is stored, so that a resumed delivery never finds a done effect without it.
    RemediationOutcome recorded = outcome;
    effectKey.ifPresent(key -> ports.effects().markDone(key,
        recorded.status() + recorded.newRun().map(r -> " " + r).orElse(""), ports.clock().instant()));
    audit(run, Optional.of(incident.id()), DecideRemediationService.auditActionOf(outcome.status()), outcome.detail());
    publish(incident.id(), IncidentChange.Kind.REMEDIATED);
    return Optional.of(outcome);
  }

  private Optional<RemediationOutcome> latestOutcome(Incident incident, RunKey run, RemediationAction action) {
    RemediationOutcome latest = null;
    for (RemediationOutcome outcome : ports.incidents().remediations(incident.id())) {
      boolean runResult = outcome.status() == RemediationStatus.RUN_SUCCEEDED
          || outcome.status() == RemediationStatus.RUN_FAILED;
      if (outcome.plan().target().equals(run) && outcome.plan().action() == action && !runResult) {
        latest = outcome;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static TicketRequest ticketRequest(Incident incident, FailedRun run) {
    RootCauseAnalysis analysis = incident.analysis();
    String cause = analysis.rootCauseLine().isBlank() ? analysis.summary() : analysis.rootCauseLine();
    String summary = "[RCA] " + incident.jobName() + " failed: " + analysis.category() + " — " + shorten(cause, 120);
    List<String> labels = List.of(
        "rca",
        incident.source().name().toLowerCase(Locale.ROOT),
        analysis.category().name().toLowerCase(Locale.ROOT),
        "rca-sig-" + incident.signature().shortHash());
    return new TicketRequest(idempotencyKey(incident), incident.id(), incident.signature(), summary,
        RcaReport.render(run, analysis), labels, analysis.category(),
        Optional.of(TicketDetails.of(incident, run.runPageUrl(), run.tags())));
  }

  /** The key under which the incident's ticket is opened, stable across retries and restarts. */
  public static String idempotencyKey(Incident incident) {
    return EffectKey.ticket(incident).value();
  }

  private static String shorten(String text, int max) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }

  private static String summaryOf(RootCauseAnalysis analysis) {
    String flags = analysis.flags().isEmpty() ? "" : " " + analysis.flags();
    return analysis.category() + " by " + analysis.analyzer() + ", confidence "
        + String.format(Locale.ROOT, "%.2f", analysis.confidence()) + flags;
  }

  /**
   * The model's explanation on top of the extracted facts: the root-cause line, the failed task and the evidence
   * stay those read from the platform (verbatim, and not rewritable by text inside an error message); the model
   * adds its category, summary, actions and confidence.
   */
  private static RootCauseAnalysis grounded(RootCauseAnalysis model, RootCauseAnalysis rules) {
    String line = rules.rootCauseLine().isBlank() ? model.rootCauseLine() : rules.rootCauseLine();
    String task = rules.failedTask().isBlank() ? model.failedTask() : rules.failedTask();
    List<String> evidence = rules.evidence().isEmpty() ? model.evidence() : rules.evidence();
    List<String> actions = model.recommendedActions().isEmpty() ? rules.recommendedActions()
        : model.recommendedActions();
    LinkedHashSet<Entity> entities = new LinkedHashSet<>(rules.entities());
    entities.addAll(model.entities());
    Set<AnalysisFlag> flags = EnumSet.noneOf(AnalysisFlag.class);
    flags.addAll(rules.flags());
    flags.addAll(model.flags());
    // A model that agrees with the rules keeps the rules' reason; one that disagrees decided the category itself.
    Classification classification = model.category() == rules.category() ? rules.classification()
        : new Classification(ClassificationLayer.MODEL, model.analyzer());
    return new RootCauseAnalysis(model.category(), line, task, model.summary(), evidence, actions,
        List.copyOf(entities), model.confidence(), model.analyzer(), classification, flags);
  }

  /**
   * Why the run needs no incident, when its platform says it ended well (a retry succeeded after the failure
   * webhook was sent); empty when it failed.
   */
  private static Optional<String> recovery(FailedRun run) {
    boolean succeeded = run.state().outcome() == RunOutcome.SUCCEEDED;
    boolean anyTaskFailed = run.tasks().stream().anyMatch(task -> task.state().outcome() == RunOutcome.FAILED
        || task.state().outcome() == RunOutcome.TIMED_OUT || task.state().outcome() == RunOutcome.PLATFORM_ERROR);
    if (!succeeded || anyTaskFailed) {
      return Optional.empty();
    }
    return Optional.of("run " + run.event().run() + " ended " + run.state().resultState()
        + " after the failure was reported (a retry succeeded); no incident");
  }

  /** The run's tags named in the configured cost tag keys, in their order. */
  private Map<String, String> costTags(FailedRun run) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String key : costTagKeys) {
      String value = run.tags().get(key);
      if (value != null) {
        tags.put(key, value);
      }
    }
    return tags;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message;
  }

  private void audit(RunKey run, Optional<IncidentId> incident, AuditAction action, String detail) {
    ports.incidents().append(new AuditEntry(ports.clock().instant(), run, incident, ACTOR, action, detail));
  }

  private void publish(IncidentId incident, IncidentChange.Kind kind) {
    try {
      ports.events().publish(new IncidentChange(incident, kind, ports.clock().instant()));
    } catch (RuntimeException e) {
      // Live views are best effort; the incident is already stored.
    }
  }
}
