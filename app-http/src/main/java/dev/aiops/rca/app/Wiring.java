package dev.aiops.rca.app;

import dev.aiops.rca.adapter.jdbc.BuiltinIssueTracker;
import dev.aiops.rca.adapter.jdbc.InboxSettings;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.Secret;
import dev.aiops.rca.app.intake.DatabricksWebhookParser;
import dev.aiops.rca.app.intake.InboxWorkers;
import dev.aiops.rca.app.intake.WebhookIntake;
import dev.aiops.rca.core.analysis.AnalyzeEvidenceService;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.port.in.AnalyzeEvidenceUseCase;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.HandleFailureUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.out.IncidentEvents;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds every adapter and service once, in dependency order, from the configuration: the database (H2 file by
 * default, or PostgreSQL), the built-in tracker, the pipeline, the webhook intake and the inbox workers.
 */
public final class Wiring implements AutoCloseable {

  private final JdbcStore store;
  private final IncidentRepository incidents;
  private final JdbiInbox inbox;
  private final HandleFailureUseCase handleFailure;
  private final AnalyzeEvidenceUseCase analyzeEvidence;
  private final DecideRemediationUseCase decideRemediation;
  private final QueryIncidentsUseCase queryIncidents;
  private final WebhookIntake intake;
  private final InboxWorkers workers;
  private final List<String> notes;

  /** The service as configured, alerting through the log until a chat notifier is wired. */
  public Wiring(AppConfig config, Clock clock) {
    this(config, clock, new LogNotifier());
  }

  /** The service as configured, with {@code notifier} for alerts (tests count them). */
  public Wiring(AppConfig config, Clock clock, Notifier notifier) {
    JdbcSettings database = databaseSettings(config);
    store = JdbcStore.open(database);
    incidents = store.incidents();
    IssueTracker tracker = issueTracker(config, clock);
    IncidentEvents events = change -> { };
    RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();
    SignatureCalculator signatures = new SignatureCalculator();
    RemediationPolicy policy = new RemediationPolicy(RemediationSettings.defaults());
    PipelinePorts ports = new PipelinePorts(Map.of(), Optional.empty(), incidents, tracker, notifier, Map.of(),
        events, clock, store.effects());
    handleFailure = new HandleFailureService(ports, rules, signatures, policy);
    analyzeEvidence = new AnalyzeEvidenceService(rules, signatures);
    decideRemediation = new DecideRemediationService(incidents, Map.of(), policy, events, clock);
    queryIncidents = new QueryIncidentsService(incidents);
    inbox = store.inbox(InboxSettings.defaults(), clock);
    workers = new InboxWorkers(inbox, handleFailure, InboxWorkers.Settings.of(config.workers()), instanceName());
    intake = new WebhookIntake(new DatabricksWebhookParser(), inbox, workers::wake, clock);
    notes = List.of(
        "store: " + (config.database().isPresent() ? "database " + config.database().get().maskedUrl()
            : "embedded H2 file under " + config.dataDir().toAbsolutePath()) + " (schema " + store.schemaVersion()
            + ")",
        "inbox: " + config.workers() + " worker(s)",
        "analysis: rules only",
        "issue tracker: " + tracker.system() + " (tickets in the service's database)",
        "notifier: " + (notifier instanceof LogNotifier ? "the service log (no Slack notifier in this version)"
            : notifier.getClass().getSimpleName()),
        "remediation: suggest only");
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

  private IssueTracker issueTracker(AppConfig config, Clock clock) {
    switch (config.itsmTool()) {
      case BuiltinIssueTracker.SYSTEM:
        return store.builtinIssueTracker(clock);
      default:
        throw new IllegalArgumentException(
            "ITSM_TOOL must be one of " + AppConfig.ITSM_TOOLS + ", was '" + config.itsmTool() + "'");
    }
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

  public JdbiInbox inbox() {
    return inbox;
  }

  public WebhookIntake intake() {
    return intake;
  }

  /** The inbox workers, not yet started. */
  public InboxWorkers workers() {
    return workers;
  }

  public HandleFailureUseCase handleFailure() {
    return handleFailure;
  }

  public AnalyzeEvidenceUseCase analyzeEvidence() {
    return analyzeEvidence;
  }

  public DecideRemediationUseCase decideRemediation() {
    return decideRemediation;
  }

  public QueryIncidentsUseCase queryIncidents() {
    return queryIncidents;
  }

  /** What was wired, one line each, for the start-up log. */
  public List<String> notes() {
    return notes;
  }

  /** Stops the workers (waiting for deliveries in progress), then closes the database. */
  @Override
  public void close() {
    workers.close();
    store.close();
  }
}
