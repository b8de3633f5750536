package dev.aiops.rca.app;

import dev.aiops.rca.adapter.adf.AdfCredentials;
import dev.aiops.rca.adapter.adf.AdfFailedRunSource;
import dev.aiops.rca.adapter.adf.AdfRemediationExecutor;
import dev.aiops.rca.adapter.adf.AdfRunMapper;
import dev.aiops.rca.adapter.adf.AdfWebhookReader;
import dev.aiops.rca.adapter.databricks.DatabricksCredentials;
import dev.aiops.rca.adapter.databricks.DatabricksFailedRunSource;
import dev.aiops.rca.adapter.databricks.DatabricksRemediationExecutor;
import dev.aiops.rca.adapter.databricks.DatabricksWebhookReader;
import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.adapter.jdbc.BuiltinIssueTracker;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jira.JiraIssueTracker;
import dev.aiops.rca.adapter.pagerduty.PagerDutyNotifier;
import dev.aiops.rca.adapter.servicenow.ServiceNowIssueTracker;
import dev.aiops.rca.adapter.slack.SlackDirectory;
import dev.aiops.rca.adapter.slack.SlackNotifier;
import dev.aiops.rca.adapter.teams.TeamsNotifier;
import dev.aiops.rca.adapter.web.metrics.InboxGauges;
import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.slack.SlackEmails;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.Integrations;
import dev.aiops.rca.app.config.NotifierSettings;
import dev.aiops.rca.app.metrics.MeteredAuditTrail;
import dev.aiops.rca.app.metrics.MeteredIncidentRepository;
import dev.aiops.rca.app.metrics.PipelineMeters;
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
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.port.in.RefuseDecisionUseCase;
import dev.aiops.rca.port.in.ResolveIncidentUseCase;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.port.out.RootCauseModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds every adapter and service once, in dependency order, from the configuration: the database (H2 file by
 * default, or PostgreSQL), the platforms' sources and executors, the model, the tracker, the notifier, the
 * pipeline, the webhook intakes and the inbox workers.
 */
public final class Wiring implements AutoCloseable {

  /** How many model answers are kept, by signature, model and prompt version. */
  private static final int MODEL_CACHE_ENTRIES = 2_000;

  private final JdbcStore store;
  private final IncidentRepository incidents;
  private final AuditTrail audit;
  private final RemediationLog remediationLog;
  private final DeliveryInbox inbox;
  private final IncidentBroadcast live = new IncidentBroadcast();
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final HandleFailureService handleFailure;
  private final AnalyzeEvidenceUseCase analyzeEvidence;
  private final DecideRemediationService decideRemediation;
  private final SlackEmails slackEmails;
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

  /**
   * What a deployment or a test puts in place of what the configuration names: a notifier, a tracker or a model of
   * its own (tests count alerts, benchmarks take the vendors out of the measurement), the retry policy (tests
   * shorten the backoff so that a recovery takes seconds, not minutes), and the database's settings.
   */
  public record Options(Optional<Notifier> notifier, Optional<IssueTracker> tracker, Optional<RootCauseModel> model,
      RetryPolicy retry, Optional<JdbcSettings> database) {
    public Options {
      Objects.requireNonNull(notifier, "notifier");
      Objects.requireNonNull(tracker, "tracker");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(retry, "retry");
      Objects.requireNonNull(database, "database");
    }

    /** Everything as configured. */
    public static Options configured() {
      return new Options(Optional.empty(), Optional.empty(), Optional.empty(), RetryPolicy.defaults(),
          Optional.empty());
    }

    public Options withNotifier(Notifier replacement) {
      return new Options(Optional.of(replacement), tracker, model, retry, database);
    }

    public Options withTracker(IssueTracker replacement) {
      return new Options(notifier, Optional.of(replacement), model, retry, database);
    }

    public Options withModel(RootCauseModel replacement) {
      return new Options(notifier, tracker, Optional.of(replacement), retry, database);
    }

    public Options withRetry(RetryPolicy replacement) {
      return new Options(notifier, tracker, model, replacement, database);
    }

    /** A database with settings no variable reaches (a benchmark's schema and pool size). */
    public Options withDatabase(JdbcSettings replacement) {
      return new Options(notifier, tracker, model, retry, Optional.of(replacement));
    }
  }

  /** The service as configured. */
  public Wiring(AppConfig config, Clock clock) {
    this(config, clock, Options.configured());
  }

  /** The service as configured, with {@code notifier} for alerts (tests count them). */
  public Wiring(AppConfig config, Clock clock, Notifier notifier) {
    this(config, clock, Options.configured().withNotifier(notifier));
  }

  /** The service as configured, but for what {@code options} puts in place. */
  public Wiring(AppConfig config, Clock clock, Options options) {
    Integrations integrations = config.integrations();
    store = JdbcStore.open(options.database().orElseGet(() -> databaseSettings(config)));
    PipelineMeters meters = new PipelineMeters(metrics.registry());
    incidents = new MeteredIncidentRepository(store.incidents(), meters);
    audit = new MeteredAuditTrail(store.audit(), meters);
    remediationLog = store.remediationLog();

    Map<Source, FailedRunSource> sources = new EnumMap<>(Source.class);
    Map<Source, RemediationExecutor> executors = new EnumMap<>(Source.class);
    Optional<DatabricksFailedRunSource> databricks = integrations.databricks().map(DatabricksFailedRunSource::create);
    databricks.ifPresent(source -> sources.put(Source.DATABRICKS, source));
    integrations.databricks().ifPresent(s -> executors.put(Source.DATABRICKS, DatabricksRemediationExecutor.create(s)));
    Optional<AdfFailedRunSource> adf = integrations.adf().map(settings -> databricks
        .map(hop -> AdfFailedRunSource.create(settings, new AdfRunMapper()::map, hop::fetch))
        .orElseGet(() -> AdfFailedRunSource.create(settings, new AdfRunMapper()::map)));
    adf.ifPresent(source -> sources.put(Source.ADF, source));
    integrations.adf().ifPresent(s -> executors.put(Source.ADF, AdfRemediationExecutor.create(s)));

    Optional<RootCauseModel> model = options.model().or(() -> integrations.llm().map(settings -> {
      LlmRootCauseModel llm = LlmRootCauseModel.create(settings);
      metrics.tokens(llm, "input", LlmRootCauseModel::inputTokensUsed);
      metrics.tokens(llm, "output", LlmRootCauseModel::outputTokensUsed);
      return new CachingRootCauseModel(llm, llm.modelId(), llm.promptVersion(), MODEL_CACHE_ENTRIES);
    }));
    IssueTracker tracker = options.tracker().orElseGet(() -> issueTracker(integrations, clock));
    // A notifier of the caller's own (tests count alerts with it) replaces the configured ones.
    Notifiers notifiers = options.notifier().map(Notifiers::of).orElseGet(() -> notifiers(integrations));

    RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();
    SignatureCalculator signatures = new SignatureCalculator();
    RemediationPolicy policy = new RemediationPolicy(integrations.remediation());
    Redactor redactor = new Redactor(RedactionSettings.defaults()
        .withDataValues(integrations.redactDataValues())
        .withKnownSecrets(knownSecrets(config)));
    PipelinePorts ports = new PipelinePorts(sources, model, incidents, audit, remediationLog, tracker, notifiers,
        executors, live, clock, store.effects());
    StormGate storms = new StormGate(notifiers, config.flood().notifyBurst(), clock);
    stormFlush = new Periodic("storm-summary", StormGate.REDRAW_EVERY, storms::flush);
    RoutingService routing = config.routing().service();
    HandleFailureService pipeline = new HandleFailureService(ports, rules, signatures, policy, redactor,
        integrations.costTagKeys(), storms, routing);
    handleFailure = pipeline;
    analyzeEvidence = new AnalyzeEvidenceService(rules, signatures);
    IncidentUpdates updates = new IncidentUpdates(audit, store.effects(), tracker, notifiers, clock, routing);
    decideRemediation = new DecideRemediationService(incidents, audit, remediationLog, executors, policy, live, clock,
        Optional.of(updates));
    // Looked up only when someone is listed by address: users.info needs scopes that a bot without them lacks.
    slackEmails = integrations.slackInteractions().filter(i -> !i.approvers().emails().isEmpty())
        .flatMap(i -> integrations.slack()).<SlackEmails>map(s -> SlackDirectory.create(s)::email)
        .orElse(SlackEmails.NONE);
    resolveIncident = new ResolveIncidentService(incidents, audit, updates, live, clock);
    RemediationFollower.Settings followUp = integrations.followUp();
    follower = new RemediationFollower(new FollowRemediationsService(incidents, audit, remediationLog, executors,
        store.effects(), updates, resolveIncident, live, clock, followUp.core()), followUp.poll());
    recoveryWatch = new RecoveryWatchService(incidents, audit, remediationLog, sources, updates, resolveIncident,
        clock, integrations.recovery());
    recoveryRounds = new Periodic("recovery-watch", integrations.recovery().every(), recoveryWatch::round);
    ticketSync = new TicketSyncSchedule(new TicketSyncService(incidents, store.effects(), tracker, updates,
        resolveIncident, clock, integrations.ticketSync()), integrations.ticketSync());
    queryIncidents = new QueryIncidentsService(incidents, audit, remediationLog);
    inbox = store.inbox(clock);
    DeliveryWorkers.Settings workerSettings = DeliveryWorkers.Settings.of(config.workers());
    // Late-bound: the services wake the workers, which work through the services.
    Runnable wake = () -> workers().wake();
    ProcessDeliveryService processing = new ProcessDeliveryService(inbox, pipeline::handleClaimed,
        new AlertWindows(List.copyOf(sources.values()), inbox, wake, clock, redactor),
        new ProcessDeliveryService.Settings(workerSettings.lease(), config.inboxRetention(), options.retry()),
        clock);
    String instance = instanceName();
    workers = new DeliveryWorkers(processing, workerSettings, instance);
    deliveries = new ManageDeliveriesService(inbox, workers::wake);
    InboxGauges.register(metrics, deliveries, workers::alive, clock);
    receiveWebhook = new ReceiveWebhookService(List.of(new DatabricksWebhookReader(), new AdfWebhookReader()), inbox,
        workers::wake, follower::wake, clock, config.flood().maxRunsPerWebhook(), redactor);
    Consumer<ReconcileService.Swept> sweepMeters = swept -> metrics.swept(
        swept.source().name().toLowerCase(Locale.ROOT), swept.failure().isPresent(), swept.found(),
        swept.unannounced());
    reconcile = sources.isEmpty() ? Optional.empty() : Optional.of(new ReconcileService(
        List.copyOf(sources.values()), inbox, store.sweepLedger(), audit, wake, sweepMeters, clock, redactor));
    reconciler = reconcile.filter(r -> config.reconciles())
        .map(r -> new Reconciler(r, config.reconcileInterval(), instance));

    notes.add("store: " + (config.database().isPresent() ? "database " + config.database().get().maskedUrl()
        : "embedded H2 file under " + config.dataDir().toAbsolutePath()) + " (schema " + store.schemaVersion() + ")");
    notes.add("inbox: " + config.workers() + " worker(s); bodies of finished deliveries kept "
        + config.inboxRetention().toHours() + " h");
    notes.addAll(integrations.describe());
    notes.add("reconciliation: " + (reconciler.isPresent() ? "failed runs of " + reconcile.get().platforms()
        + " swept every " + config.reconcileInterval().toSeconds() + " s" : reconcile.isPresent()
        ? "off (RCA_RECONCILE_INTERVAL=0)" : "off (no platform configured)"));
    if (notifiers.all().size() == 1 && notifiers.primary().notifier() instanceof LogNotifier) {
      notes.add("alerts go to the service log: set SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL for Slack, or SMTP_HOST"
          + " and RCA_EMAIL_FROM for e-mail (RCA_NOTIFIERS lists more)");
    }
  }

  /**
   * The notifiers {@code RCA_NOTIFIERS} chooses, in its order, the first primary; the configuration has checked
   * that each is configured.
   */
  static Notifiers notifiers(Integrations integrations) {
    NotifierSettings settings = integrations.notifiers();
    List<Notifiers.Named> chosen = new ArrayList<>();
    for (String name : settings.chosen()) {
      switch (name) {
        case "slack":
          chosen.add(new Notifiers.Named(name, SlackNotifier.create(integrations.slack().orElseThrow())));
          break;
        case "teams":
          chosen.add(new Notifiers.Named(name, TeamsNotifier.create(settings.teams().orElseThrow())));
          break;
        case "pagerduty":
          chosen.add(new Notifiers.Named(name, PagerDutyNotifier.create(settings.pagerDuty().orElseThrow())));
          break;
        case "email":
          chosen.add(new Notifiers.Named(name, integrations.emailNotifier().orElseThrow()));
          break;
        case "log":
          chosen.add(new Notifiers.Named(name, new LogNotifier()));
          break;
        default:
          throw new IllegalArgumentException("no notifier named " + name + " in this build");
      }
    }
    return Notifiers.of(chosen);
  }

  /** The database the configuration names: {@code RCA_DB_URL}, or the H2 file under the data directory. */
  public static JdbcSettings databaseSettings(AppConfig config) {
    if (config.database().isPresent()) {
      AppConfig.DatabaseSettings db = config.database().get();
      return JdbcSettings.of(db.url(), db.user(), db.password().map(Secret::reveal));
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
    }
    return JdbcSettings.h2File(config.dataDir());
  }

  private IssueTracker issueTracker(Integrations integrations, Clock clock) {
    switch (integrations.itsmTool()) {
      case "jira":
        return JiraIssueTracker.create(integrations.jira().orElseThrow());
      case "servicenow":
        return ServiceNowIssueTracker.create(integrations.serviceNow().orElseThrow());
      case BuiltinIssueTracker.SYSTEM:
        return store.builtinIssueTracker(clock);
      default:
        throw new IllegalArgumentException("ITSM_TOOL must be one of " + Integrations.ITSM_TOOLS + ", was '"
            + integrations.itsmTool() + "'");
    }
  }

  /** The service's own credentials, which the redactor removes wherever they turn up in an error text. */
  static Set<String> knownSecrets(AppConfig config) {
    Set<String> secrets = new HashSet<>();
    config.apiKey().map(Secret::reveal).ifPresent(secrets::add);
    config.database().flatMap(AppConfig.DatabaseSettings::password).map(Secret::reveal).ifPresent(secrets::add);
    Integrations integrations = config.integrations();
    integrations.databricks().map(d -> d.credentials()).ifPresent(credentials -> {
      if (credentials instanceof DatabricksCredentials.PersonalAccessToken pat) {
        secrets.add(pat.token());
      } else if (credentials instanceof DatabricksCredentials.OAuthClient client) {
        secrets.add(client.clientSecret());
      }
    });
    integrations.adf().map(a -> a.credentials()).ifPresent(credentials -> {
      if (credentials instanceof AdfCredentials.ClientSecret client) {
        secrets.add(client.clientSecret());
      }
    });
    integrations.llm().map(l -> l.apiKey()).filter(key -> !key.isBlank()).ifPresent(secrets::add);
    integrations.jira().map(j -> j.auth()).ifPresent(auth -> {
      if (auth instanceof Credentials.Basic cloud) {
        secrets.add(cloud.secret());
      } else if (auth instanceof Credentials.Bearer pat) {
        secrets.add(pat.token());
      }
    });
    integrations.serviceNow().map(s -> s.auth()).ifPresent(auth -> {
      if (auth instanceof Credentials.Basic user) {
        secrets.add(user.secret());
      } else if (auth instanceof Credentials.Bearer bearer) {
        secrets.add(bearer.token());
      }
    });
    integrations.slack().map(s -> s.botToken()).ifPresent(secrets::add);
    integrations.email().flatMap(e -> e.password()).map(Secret::reveal).ifPresent(secrets::add);
    integrations.slackInteractions().map(i -> i.signingSecret().reveal()).ifPresent(secrets::add);
    integrations.notifiers().teams().map(t -> t.webhook().reveal()).ifPresent(secrets::add);
    integrations.notifiers().pagerDuty().map(p -> p.routingKey().reveal()).ifPresent(secrets::add);
    return secrets;
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

  public IncidentRepository incidents() {
    return incidents;
  }

  /** The audit trail, metered as the pipeline's steps are. */
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

  /** The webhook intake of every platform (Databricks; Data Factory's Azure Monitor alerts and pipeline posts). */
  public ReceiveWebhookUseCase receiveWebhook() {
    return receiveWebhook;
  }

  /** The stored deliveries, for operators: replay, counts, the oldest pending. */
  public ManageDeliveriesUseCase deliveries() {
    return deliveries;
  }

  /** The inbox workers, not yet started. */
  public DeliveryWorkers workers() {
    return workers;
  }

  /** The meters served at {@code /metrics}. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** The fan-out of incident changes to live dashboard views. */
  public IncidentBroadcast live() {
    return live;
  }

  /** The failure pipeline, for embedded callers (it claims the run) and workers (their delivery holds it). */
  public HandleFailureService handleFailure() {
    return handleFailure;
  }

  public AnalyzeEvidenceUseCase analyzeEvidence() {
    return analyzeEvidence;
  }

  public DecideRemediationUseCase decideRemediation() {
    return decideRemediation;
  }

  /** Records a decision someone who may not decide tried (a Slack user not among the approvers). */
  public RefuseDecisionUseCase refuseDecision() {
    return decideRemediation;
  }

  /** The e-mail address Slack shows for a user, for approvers listed by address; none without a bot token. */
  public SlackEmails slackEmails() {
    return slackEmails;
  }

  public ResolveIncidentUseCase resolveIncident() {
    return resolveIncident;
  }

  /** Follows the runs that remediations started; not yet started. */
  public RemediationFollower follower() {
    return follower;
  }

  /** Looks again at open incidents' runs, for ones that recovered after their ticket. */
  public RecoveryWatchService recoveryWatch() {
    return recoveryWatch;
  }

  /** Redraws a storm's summary that grew since it was drawn; started with the service. */
  public Periodic stormFlush() {
    return stormFlush;
  }

  /** The recovery watch's schedule, started with the service. */
  public Periodic recoveryRounds() {
    return recoveryRounds;
  }

  /** Resolves incidents whose ticket people closed, and retries failed closes; not yet started. */
  public TicketSyncSchedule ticketSync() {
    return ticketSync;
  }

  public QueryIncidentsUseCase queryIncidents() {
    return queryIncidents;
  }

  /** The reconciliation sweep, when a platform is configured (also when its schedule is off, for backfill). */
  public Optional<ReconcileService> reconcile() {
    return reconcile;
  }

  /** The sweep's schedule, when a platform is configured and the interval is not zero; not yet started. */
  public Optional<Reconciler> reconciler() {
    return reconciler;
  }

  /** What was wired, one line each, for the start-up log. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * Stops sweeping, following remediations and the workers (waiting for deliveries in progress), then closes the
   * database.
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
