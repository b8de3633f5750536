package dev.aiops.rca.app;

import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.adapter.jdbc.BuiltinIssueTracker;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.slack.SlackDirectory;
import dev.aiops.rca.adapter.web.metrics.InboxGauges;
import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.slack.SlackEmails;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.Integrations;
import dev.aiops.rca.app.config.NotifierSettings;
import dev.aiops.rca.app.metrics.MeteredAuditTrail;
import dev.aiops.rca.app.metrics.MeteredIncidentRepository;
import dev.aiops.rca.app.metrics.PipelineMeters;
import dev.aiops.rca.assistant.LogNotifier;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.assistant.RcaAssistantBuilder;
import dev.aiops.rca.core.intake.DeliveryWorkers;
import dev.aiops.rca.core.intake.ReconcileService;
import dev.aiops.rca.core.intake.Reconciler;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.lifecycle.TicketSyncSchedule;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.query.IncidentBroadcast;
import dev.aiops.rca.core.remediation.RemediationFollower;
import dev.aiops.rca.core.schedule.Periodic;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Secret;
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
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.port.out.RootCauseModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP service's assembly: reads the configuration into the {@link RcaAssistant} facade's builder, which builds
 * every adapter and service once (the database, H2 file by default or PostgreSQL, the platforms' sources and
 * executors, the model, the tracker, the notifiers, the pipeline, the webhook intakes and the inbox workers), and
 * adds what is the HTTP service's own: its meters, the log notifier, the Slack directory and the start-up notes.
 */
public final class Wiring implements AutoCloseable {

  private final RcaAssistant assistant;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final SlackEmails slackEmails;
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
    PipelineMeters meters = new PipelineMeters(metrics.registry());
    RcaAssistantBuilder builder = RcaAssistant.builder()
        .store(options.database().orElseGet(() -> databaseSettings(config)))
        .decorateIncidents(repository -> new MeteredIncidentRepository(repository, meters))
        .decorateAudit(trail -> new MeteredAuditTrail(trail, meters))
        .remediation(integrations.remediation())
        .routing(config.routing().service())
        .floodLimits(config.flood().maxRunsPerWebhook(), config.flood().notifyBurst())
        .workers(config.workers())
        .inboxRetention(config.inboxRetention())
        .retry(options.retry())
        .costTagKeys(integrations.costTagKeys())
        .redactDataValues(integrations.redactDataValues())
        .knownSecrets(knownSecrets(config))
        .followUp(integrations.followUp())
        .recovery(integrations.recovery())
        .ticketSync(integrations.ticketSync())
        .reconcileEvery(config.reconciles() ? config.reconcileInterval() : Duration.ZERO)
        .onSweep(swept -> metrics.swept(swept.source().name().toLowerCase(Locale.ROOT),
            swept.failure().isPresent(), swept.found(), swept.unannounced()))
        .clock(clock);
    // A notifier of the caller's own (tests count alerts with it) replaces the configured ones.
    options.notifier().ifPresentOrElse(own -> builder.notifiers(Notifiers.of(own)), () -> notifiers(integrations,
        builder));
    integrations.databricks().ifPresent(builder::databricks);
    integrations.adf().ifPresent(builder::dataFactory);
    options.model().ifPresentOrElse(builder::model, () -> integrations.llm().ifPresent(builder::llm));
    options.tracker().ifPresentOrElse(builder::issueTracker, () -> issueTracker(integrations, builder));
    assistant = builder.build();
    assistant.llm().ifPresent(llm -> {
      metrics.tokens(llm, "input", LlmRootCauseModel::inputTokensUsed);
      metrics.tokens(llm, "output", LlmRootCauseModel::outputTokensUsed);
    });
    InboxGauges.register(metrics, assistant.deliveries(), assistant.workers()::alive, clock);
    // Looked up only when someone is listed by address: users.info needs scopes that a bot without them lacks.
    slackEmails = integrations.slackInteractions().filter(i -> !i.approvers().emails().isEmpty())
        .flatMap(i -> integrations.slack()).<SlackEmails>map(s -> SlackDirectory.create(s)::email)
        .orElse(SlackEmails.NONE);

    notes.add("store: " + (config.database().isPresent() ? "database " + config.database().get().maskedUrl()
        : "embedded H2 file under " + config.dataDir().toAbsolutePath()) + " (schema " + assistant.schemaVersion()
        + ")");
    // The facade's inbox line; its reconciliation line is said below in the variables' words.
    notes.add(assistant.notes().get(0));
    notes.addAll(integrations.describe());
    notes.add("reconciliation: " + (assistant.reconciler().isPresent() ? "failed runs of "
        + assistant.reconcile().get().platforms() + " swept every " + config.reconcileInterval().toSeconds() + " s"
        : assistant.reconcile().isPresent() ? "off (RCA_RECONCILE_INTERVAL=0)" : "off (no platform configured)"));
    Notifiers notifiers = assistant.notifiers();
    if (notifiers.all().size() == 1 && notifiers.primary().notifier() instanceof LogNotifier) {
      notes.add("alerts go to the service log: set SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL for Slack, or SMTP_HOST"
          + " and RCA_EMAIL_FROM for e-mail (RCA_NOTIFIERS lists more)");
    }
  }

  /**
   * Gives the builder the notifiers {@code RCA_NOTIFIERS} chooses, in its order, the first primary; the
   * configuration has checked that each is configured. The builder makes each from its settings (and redacts its
   * credentials).
   */
  static RcaAssistantBuilder notifiers(Integrations integrations, RcaAssistantBuilder builder) {
    NotifierSettings settings = integrations.notifiers();
    for (String name : settings.chosen()) {
      switch (name) {
        case "slack":
          builder.slack(integrations.slack().orElseThrow());
          break;
        case "teams":
          builder.teams(settings.teams().orElseThrow());
          break;
        case "pagerduty":
          builder.pagerDuty(settings.pagerDuty().orElseThrow());
          break;
        case "email":
          builder.email(integrations.email().orElseThrow());
          break;
        case "log":
          builder.notifier(name, new LogNotifier());
          break;
        default:
          throw new IllegalArgumentException("no notifier named " + name + " in this build");
      }
    }
    return builder;
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

  /** The tracker {@code ITSM_TOOL} names; the configuration has checked that it is configured. */
  private static void issueTracker(Integrations integrations, RcaAssistantBuilder builder) {
    switch (integrations.itsmTool()) {
      case "jira":
        builder.jira(integrations.jira().orElseThrow());
        break;
      case "servicenow":
        builder.serviceNow(integrations.serviceNow().orElseThrow());
        break;
      case BuiltinIssueTracker.SYSTEM:
        builder.builtinIssueTracker();
        break;
      default:
        throw new IllegalArgumentException("ITSM_TOOL must be one of " + Integrations.ITSM_TOOLS + ", was '"
            + integrations.itsmTool() + "'");
    }
  }

  /** The service's own credentials, which the redactor removes wherever they turn up in an error text. */
  static Set<String> knownSecrets(AppConfig config) {
    // The builder adds the credentials of the settings it is given (Databricks, Data Factory, the database and the
    // notifiers): only what it is not given, or may not be given when a test option replaces a part, is listed here.
    Set<String> secrets = new HashSet<>();
    config.apiKey().map(Secret::reveal).ifPresent(secrets::add);
    Integrations integrations = config.integrations();
    integrations.llm().map(l -> l.apiKey()).filter(key -> !key.isBlank()).ifPresent(secrets::add);
    integrations.jira().map(j -> j.auth()).ifPresent(auth -> addCredential(auth, secrets));
    integrations.serviceNow().map(s -> s.auth()).ifPresent(auth -> addCredential(auth, secrets));
    // Slack's signing secret checks Slack's requests; no notifier the builder makes holds it.
    integrations.slackInteractions().map(i -> i.signingSecret().reveal()).ifPresent(secrets::add);
    return secrets;
  }

  private static void addCredential(Credentials credentials, Set<String> secrets) {
    if (credentials instanceof Credentials.Basic basic) {
      secrets.add(basic.secret());
    } else if (credentials instanceof Credentials.Bearer bearer) {
      secrets.add(bearer.token());
    }
  }

  public IncidentRepository incidents() {
    return assistant.incidentRepository();
  }

  /** The audit trail, metered as the pipeline's steps are. */
  public AuditTrail audit() {
    return assistant.audit();
  }

  public RemediationLog remediationLog() {
    return assistant.remediationLog();
  }

  /** The delivery inbox itself, for tests that play a worker. */
  public DeliveryInbox inbox() {
    return assistant.inbox();
  }

  /** The webhook intake of every platform (Databricks; Data Factory's Azure Monitor alerts and pipeline posts). */
  public ReceiveWebhookUseCase receiveWebhook() {
    return assistant.receiveWebhook();
  }

  /** The stored deliveries, for operators: replay, counts, the oldest pending. */
  public ManageDeliveriesUseCase deliveries() {
    return assistant.deliveries();
  }

  /** The inbox workers, not yet started. */
  public DeliveryWorkers workers() {
    return assistant.workers();
  }

  /** The meters served at {@code /metrics}. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** The fan-out of incident changes to live dashboard views. */
  public IncidentBroadcast live() {
    return assistant.live();
  }

  /** The failure pipeline, for embedded callers (it claims the run) and workers (their delivery holds it). */
  public HandleFailureService handleFailure() {
    return assistant.handleFailure();
  }

  public AnalyzeEvidenceUseCase analyzeEvidence() {
    return assistant.analyzeEvidence();
  }

  public DecideRemediationUseCase decideRemediation() {
    return assistant.decideRemediation();
  }

  /** Records a decision someone who may not decide tried (a Slack user not among the approvers). */
  public RefuseDecisionUseCase refuseDecision() {
    return assistant.refuseDecision();
  }

  /** The e-mail address Slack shows for a user, for approvers listed by address; none without a bot token. */
  public SlackEmails slackEmails() {
    return slackEmails;
  }

  public ResolveIncidentUseCase resolveIncident() {
    return assistant.resolveIncident();
  }

  /** Follows the runs that remediations started; not yet started. */
  public RemediationFollower follower() {
    return assistant.follower();
  }

  /** Looks again at open incidents' runs, for ones that recovered after their ticket. */
  public RecoveryWatchService recoveryWatch() {
    return assistant.recoveryWatch();
  }

  /** Redraws a storm's summary that grew since it was drawn; started with the service. */
  public Periodic stormFlush() {
    return assistant.stormFlush();
  }

  /** The recovery watch's schedule, started with the service. */
  public Periodic recoveryRounds() {
    return assistant.recoveryRounds();
  }

  /** Resolves incidents whose ticket people closed, and retries failed closes; not yet started. */
  public TicketSyncSchedule ticketSync() {
    return assistant.ticketSync();
  }

  public QueryIncidentsUseCase queryIncidents() {
    return assistant.incidents();
  }

  /** The reconciliation sweep, when a platform is configured (also when its schedule is off, for backfill). */
  public Optional<ReconcileService> reconcile() {
    return assistant.reconcile();
  }

  /** The sweep's schedule, when a platform is configured and the interval is not zero; not yet started. */
  public Optional<Reconciler> reconciler() {
    return assistant.reconciler();
  }

  /** What was wired, one line each, for the start-up log. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The assembly itself, for callers that use the facade's own words. */
  public RcaAssistant assistant() {
    return assistant;
  }

  /**
   * Stops sweeping, following remediations and the workers (waiting for deliveries in progress), then closes the
   * database.
   */
  @Override
  public void close() {
    assistant.close();
  }
}
