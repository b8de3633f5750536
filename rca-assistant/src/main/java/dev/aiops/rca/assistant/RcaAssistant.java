package dev.aiops.rca.assistant;

import dev.aiops.rca.adapter.adf.AdfFailedRunSource;
import dev.aiops.rca.adapter.adf.AdfRemediationExecutor;
import dev.aiops.rca.adapter.adf.AdfRunMapper;
import dev.aiops.rca.adapter.adf.AdfWebhookReader;
import dev.aiops.rca.adapter.databricks.DatabricksFailedRunSource;
import dev.aiops.rca.adapter.databricks.DatabricksRemediationExecutor;
import dev.aiops.rca.adapter.databricks.DatabricksWebhookReader;
import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jira.JiraIssueTracker;
import dev.aiops.rca.adapter.servicenow.ServiceNowIssueTracker;
import dev.aiops.rca.core.analysis.AnalyzeEvidenceService;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.intake.AlertWindows;
import dev.aiops.rca.core.intake.DeliveryWorkers;
import dev.aiops.rca.core.intake.ManageDeliveriesService;
import dev.aiops.rca.core.intake.ProcessDeliveryService;
import dev.aiops.rca.core.intake.ReceiveWebhookService;
import dev.aiops.rca.core.intake.ReconcileService;
import dev.aiops.rca.core.intake.Reconciler;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.lifecycle.ResolveIncidentService;
import dev.aiops.rca.core.lifecycle.TicketSyncSchedule;
import dev.aiops.rca.core.lifecycle.TicketSyncService;
import dev.aiops.rca.core.model.CachingRootCauseModel;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.query.IncidentBroadcast;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.core.redaction.RedactionSettings;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.FollowRemediationsService;
import dev.aiops.rca.core.remediation.RemediationFollower;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.schedule.Periodic;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.AnalyzeEvidenceCommand;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.port.in.RefuseDecisionUseCase;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.port.in.ResolveIncidentResult;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.port.out.RootCauseModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RCA assistant, assembled once from its parts: the intake of platforms' webhooks, the failure pipeline
 * (redaction, rules, the optional model, ticket, messages, remediation), the queries and decisions on incidents, and
 * the workers that run it all. The HTTP service is built on it, and so can any JVM application be:
 *
 * <pre>{@code
 * try (RcaAssistant rca = RcaAssistant.builder().databricks(settings).slack(slack).store(dataSource).build()) {
 *   rca.start();
 *   rca.receive(Source.DATABRICKS, headers, body);
 * }
 * }</pre>
 */
public final class RcaAssistant implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RcaAssistant.class);
  /** How many model answers are kept, by signature, model and prompt version. */
  private static final int MODEL_CACHE_ENTRIES = 2_000;

  private final JdbcStore store;
  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;
  private final DeliveryInbox inbox;
  private final IncidentBroadcast live = new IncidentBroadcast();
  private final Optional<LlmRootCauseModel> llm;
  private final Notifiers notifiers;
  private final HandleFailureService handleFailure;
  private final AnalyzeEvidenceUseCase analyzeEvidence;
  private final DecideRemediationService decideRemediation;
  private final QueryIncidentsUseCase queryIncidents;
  private final ReceiveWebhookUseCase receiveWebhook;
  private final ManageDeliveriesUseCase deliveries;
  private final DeliveryWorkers workers;
  private final ResolveIncidentService resolveIncident;
  private final RemediationFollower follower;
  private final RecoveryWatchService recoveryWatch;
  private final Periodic recoveryRounds;
  private final Periodic stormFlush;
  private final TicketSyncSchedule ticketSync;
  private final Optional<ReconcileService> reconcile;
  private final Optional<Reconciler> reconciler;
  private final List<String> notes = new ArrayList<>();

  /** A builder with every default: no platform, rules only, the built-in tracker, an in-memory H2 store. */
  public static RcaAssistantBuilder builder() {
    return new RcaAssistantBuilder();
  }

  RcaAssistant(RcaAssistantBuilder b) {
    Clock clock = b.clock;
    store = openStore(b);
    try {
      incidents = b.incidentDecorator.apply(store.incidents());
      audit = b.auditDecorator.apply(store.audit());
      remediationLog = store.remediationLog();

      Map<Source, FailedRunSource> sources = new EnumMap<>(Source.class);
      Map<Source, RemediationExecutor> executors = new EnumMap<>(Source.class);
      Optional<DatabricksFailedRunSource> databricks = b.databricks.map(DatabricksFailedRunSource::create);
      databricks.ifPresent(source -> sources.put(Source.DATABRICKS, source));
      b.databricks.ifPresent(s -> executors.put(Source.DATABRICKS, DatabricksRemediationExecutor.create(s)));
      // A Data Factory pipeline that ran a Databricks notebook is followed there too, when Databricks is configured.
      b.adf.map(settings -> databricks
          .map(hop -> AdfFailedRunSource.create(settings, new AdfRunMapper()::map, hop::fetch))
          .orElseGet(() -> AdfFailedRunSource.create(settings, new AdfRunMapper()::map)))
          .ifPresent(source -> sources.put(Source.ADF, source));
      b.adf.ifPresent(s -> executors.put(Source.ADF, AdfRemediationExecutor.create(s)));
      sources.putAll(b.sources);
      executors.putAll(b.executors);

      llm = llmOf(b.model);
      Optional<RootCauseModel> model = b.model instanceof RcaAssistantBuilder.OwnModel own ? Optional.of(own.model())
          : llm.map(m -> new CachingRootCauseModel(m, m.modelId(), m.promptVersion(), MODEL_CACHE_ENTRIES));
      IssueTracker tracker = trackerOf(b.tracker, clock);
      notifiers = Notifiers.of(b.notifiers);

      RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();
      SignatureCalculator signatures = new SignatureCalculator();
      RemediationPolicy policy = new RemediationPolicy(b.remediation);
      Redactor redactor = new Redactor(RedactionSettings.defaults()
          .withDataValues(b.redactDataValues)
          .withKnownSecrets(b.knownSecrets));
      PipelinePorts ports = new PipelinePorts(sources, model, incidents, audit, remediationLog, tracker, notifiers,
          executors, live, clock, store.effects());
      StormGate storms = new StormGate(notifiers, b.notifyBurst, clock);
      stormFlush = new Periodic("storm-summary", StormGate.REDRAW_EVERY, storms::flush);
      handleFailure = new HandleFailureService(ports, rules, signatures, policy, redactor, b.costTagKeys, storms,
          b.routing);
      // The same redaction, rules and model check as the pipeline's, with nothing stored, filed or sent.
      analyzeEvidence = new AnalyzeEvidenceService(rules, signatures, redactor, model);
      IncidentUpdates updates = new IncidentUpdates(audit, store.effects(), tracker, notifiers, clock, b.routing);
      decideRemediation = new DecideRemediationService(incidents, audit, remediationLog, executors, policy, live, clock,
          Optional.of(updates));
      resolveIncident = new ResolveIncidentService(incidents, audit, updates, live, clock);
      follower = new RemediationFollower(new FollowRemediationsService(incidents, audit, remediationLog, executors,
          store.effects(), updates, resolveIncident, live, clock, b.followUp.core()), b.followUp.poll());
      recoveryWatch = new RecoveryWatchService(incidents, audit, remediationLog, sources, updates, resolveIncident,
          clock, b.recovery);
      recoveryRounds = new Periodic("recovery-watch", b.recovery.every(), recoveryWatch::round);
      ticketSync = new TicketSyncSchedule(new TicketSyncService(incidents, store.effects(), tracker, updates,
          resolveIncident, clock, b.ticketSync), b.ticketSync);
      queryIncidents = new QueryIncidentsService(incidents, audit, remediationLog);
      inbox = store.inbox(clock);
      DeliveryWorkers.Settings workerSettings = DeliveryWorkers.Settings.of(b.workers);
      // Late-bound: the services wake the workers, which work through the services.
      Runnable wake = () -> workers().wake();
      ProcessDeliveryService processing = new ProcessDeliveryService(inbox, handleFailure::handleClaimed,
          new AlertWindows(List.copyOf(sources.values()), inbox, wake, clock, redactor),
          new ProcessDeliveryService.Settings(workerSettings.lease(), b.inboxRetention, b.retry), clock);
      String instance = b.instance.orElseGet(RcaAssistant::instanceName);
      workers = new DeliveryWorkers(processing, workerSettings, instance);
      deliveries = new ManageDeliveriesService(inbox, workers::wake);
      receiveWebhook = new ReceiveWebhookService(List.of(new DatabricksWebhookReader(), new AdfWebhookReader()), inbox,
          workers::wake, follower::wake, clock, b.maxRunsPerWebhook, redactor);
      reconcile = sources.isEmpty() ? Optional.empty() : Optional.of(new ReconcileService(
          List.copyOf(sources.values()), inbox, store.sweepLedger(), audit, wake, b.onSweep, clock, redactor));
      reconciler = reconcile.filter(r -> !b.reconcileInterval.isZero())
          .map(r -> new Reconciler(r, b.reconcileInterval, instance));

      notes.add("inbox: " + b.workers + " worker(s); bodies of finished deliveries kept "
          + b.inboxRetention.toHours() + " h");
      notes.add("reconciliation: " + (reconciler.isPresent() ? "failed runs of " + reconcile.get().platforms()
          + " swept every " + b.reconcileInterval.toSeconds() + " s" : reconcile.isPresent()
          ? "off (interval 0)" : "off (no platform configured)"));
    } catch (RuntimeException e) {
      // An adapter refused its settings: the pool opened for nothing is closed (a caller's stays open).
      store.close();
      throw e;
    }
  }

  private static JdbcStore openStore(RcaAssistantBuilder b) {
    if (b.store.isEmpty()) {
      String name = "rca_" + UUID.randomUUID().toString().replace("-", "");
      LOG.info("no store given: incidents are kept in the in-memory H2 database {} until close", name);
      return JdbcStore.open(JdbcSettings.h2InMemory(name));
    }
    RcaAssistantBuilder.Store chosen = b.store.get();
    if (chosen instanceof RcaAssistantBuilder.ByDataSource given) {
      return JdbcStore.open(given.dataSource());
    }
    return JdbcStore.open(((RcaAssistantBuilder.BySettings) chosen).settings());
  }

  private static Optional<LlmRootCauseModel> llmOf(RcaAssistantBuilder.Model model) {
    if (model instanceof RcaAssistantBuilder.ByLlmSettings provider) {
      return Optional.of(LlmRootCauseModel.create(provider.settings()));
    }
    if (model instanceof RcaAssistantBuilder.OverChatModel chat) {
      return Optional.of(LlmRootCauseModel.over(chat.chatModel(), chat.settings()));
    }
    return Optional.empty();
  }

  private IssueTracker trackerOf(RcaAssistantBuilder.Tracker tracker, Clock clock) {
    if (tracker instanceof RcaAssistantBuilder.Jira jira) {
      return JiraIssueTracker.create(jira.settings());
    }
    if (tracker instanceof RcaAssistantBuilder.ServiceNow serviceNow) {
      return ServiceNowIssueTracker.create(serviceNow.settings());
    }
    if (tracker instanceof RcaAssistantBuilder.Own own) {
      return own.tracker();
    }
    return store.builtinIssueTracker(clock);
  }

  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "host";
    }
    String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
    return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 4);
  }

  /**
   * Takes one webhook body from a platform, as the HTTP service's intake does: read, redacted and stored durably;
   * the workers (once started) analyse it.
   */
  public IntakeResult receive(Source source, Map<String, String> headers, String body) {
    return receiveWebhook.receive(source, body, headers);
  }

  /** Analyses a failed run as the pipeline would (redacted, rules, then the model), storing and sending nothing. */
  public AnalyzeEvidenceResult analyze(FailedRun run) {
    return analyzeEvidence.analyze(new AnalyzeEvidenceCommand(run));
  }

  /** The incidents: lists, details, timelines. */
  public QueryIncidentsUseCase incidents() {
    return queryIncidents;
  }

  /** Marks an incident resolved, and tells its ticket and its message. */
  public ResolveIncidentResult resolve(IncidentId incident, String actor, String reason) {
    return resolveIncident.resolve(new ResolveIncidentCommand(incident, actor, reason));
  }

  /** Runs a suggested remediation, if the policy allows it. */
  public RemediationOutcome approve(IncidentId incident, RemediationAction action, String actor) {
    return decideRemediation.decide(new DecideRemediationCommand(incident, action, true, actor));
  }

  /** Declines a suggested remediation. */
  public RemediationOutcome decline(IncidentId incident, RemediationAction action, String actor) {
    return decideRemediation.decide(new DecideRemediationCommand(incident, action, false, actor));
  }

  /** Starts the inbox workers, the remediation follower, the recovery watch, the ticket sync and the sweep. */
  public void start() {
    startWorkers();
    startSchedules();
  }

  /** Starts the inbox workers alone (a benchmark that measures intake leaves them idle until it is ready). */
  public void startWorkers() {
    workers.start();
  }

  /** Starts everything but the workers. */
  public void startSchedules() {
    follower.start();
    recoveryRounds.start();
    stormFlush.start();
    ticketSync.start();
    reconciler.ifPresent(Reconciler::start);
  }

  /** The incident store, as decorated. */
  public IncidentRepository incidentRepository() {
    return incidents;
  }

  /** The audit trail, as decorated. */
  public AuditTrail audit() {
    return audit;
  }

  public RemediationLog remediationLog() {
    return remediationLog;
  }

  /** The delivery inbox itself, for tests that play a worker. */
  public DeliveryInbox inbox() {
    return inbox;
  }

  /** The version of the store's latest migration. */
  public String schemaVersion() {
    return store.schemaVersion();
  }

  /** The model built from settings or over a chat model, for its token counts; empty otherwise. */
  public Optional<LlmRootCauseModel> llm() {
    return llm;
  }

  /** The notifiers, the first primary. */
  public Notifiers notifiers() {
    return notifiers;
  }

  /** The webhook intake of every platform (Databricks; Data Factory's Azure Monitor alerts and pipeline posts). */
  public ReceiveWebhookUseCase receiveWebhook() {
    return receiveWebhook;
  }

  /** The stored deliveries, for operators: replay, counts, the oldest pending. */
  public ManageDeliveriesUseCase deliveries() {
    return deliveries;
  }

  /** The inbox workers. */
  public DeliveryWorkers workers() {
    return workers;
  }

  /** The fan-out of incident changes to live views. */
  public IncidentBroadcast live() {
    return live;
  }

  /** The failure pipeline, for callers that claim a run themselves. */
  public HandleFailureService handleFailure() {
    return handleFailure;
  }

  public AnalyzeEvidenceUseCase analyzeEvidence() {
    return analyzeEvidence;
  }

  public DecideRemediationUseCase decideRemediation() {
    return decideRemediation;
  }

  /** Records a decision someone who may not decide tried. */
  public RefuseDecisionUseCase refuseDecision() {
    return decideRemediation;
  }

  public ResolveIncidentUseCase resolveIncident() {
    return resolveIncident;
  }

  /** Follows the runs that remediations started. */
  public RemediationFollower follower() {
    return follower;
  }

  /** Looks again at open incidents' runs, for ones that recovered after their ticket. */
  public RecoveryWatchService recoveryWatch() {
    return recoveryWatch;
  }

  /** The recovery watch's schedule. */
  public Periodic recoveryRounds() {
    return recoveryRounds;
  }

  /** Redraws a storm's summary that grew since it was drawn. */
  public Periodic stormFlush() {
    return stormFlush;
  }

  /** Resolves incidents whose ticket people closed, and retries failed closes. */
  public TicketSyncSchedule ticketSync() {
    return ticketSync;
  }

  /** The reconciliation sweep, when a platform is configured (also when its schedule is off, for backfill). */
  public Optional<ReconcileService> reconcile() {
    return reconcile;
  }

  /** The sweep's schedule, when a platform is configured and the interval is not zero. */
  public Optional<Reconciler> reconciler() {
    return reconciler;
  }

  /** What was assembled, one line each, for a start-up log. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * Stops sweeping, following remediations and the workers (waiting for deliveries in progress), then closes the
   * store (a caller's data source stays open).
   */
  @Override
  public void close() {
    ticketSync.close();
    reconciler.ifPresent(Reconciler::close);
    follower.close();
    recoveryRounds.close();
    stormFlush.close();
    workers.close();
    store.close();
  }
}
