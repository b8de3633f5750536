package dev.aiops.rca.adapter.web.dashboard;

import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.lifecycle.ResolveIncidentService;
import dev.aiops.rca.core.query.IncidentBroadcast;
import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.in.ManageDeliveriesUseCase;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Javalin server with only the dashboard mounted, over the in-memory store, a stub remediation executor and
 * fast password hashes; incidents are filed straight into the store, as the webhook pipeline would.
 */
final class DashboardFixture implements AutoCloseable {

  static final String API_KEY = "test-api-key-0123456789";
  static final String OPERATOR_KEY = "test-operator-key-0123456789";
  static final String ADMIN_PASSWORD = "admin-password-1";
  static final String OPERATOR_PASSWORD = "operator-password-1";
  static final String VIEWER_PASSWORD = "viewer-password-1";

  final MutableClock clock = new MutableClock(Samples.T0.plus(Duration.ofHours(1)));
  final InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
  final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  final IncidentBroadcast live = new IncidentBroadcast();
  final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  final InMemoryNotifier notifier = new InMemoryNotifier();
  final Users users;
  final Dashboard dashboard;
  final Javalin app;

  DashboardFixture(Path dataDir) {
    this(dataDir, Optional.empty());
  }

  DashboardFixture(Path dataDir, Optional<ManageDeliveriesUseCase> deliveries) {
    DashboardSettings settings = new DashboardSettings("admin", Optional.of(new Secret(ADMIN_PASSWORD)), dataDir,
        Optional.of(new Secret(API_KEY)), Duration.ofMinutes(30), Optional.of("https://acme.slack.com"),
        Optional.of(new Secret(OPERATOR_KEY)));
    users = Users.loadOrCreate(settings, line -> { }, new PasswordHasher(4));
    users.add("olga", Role.OPERATOR, OPERATOR_PASSWORD.toCharArray());
    users.add("victor", Role.VIEWER, VIEWER_PASSWORD.toCharArray());
    DecideRemediationService decide = new DecideRemediationService(repository, repository, repository,
        Map.of(Source.DATABRICKS, executor), new RemediationPolicy(RemediationSettings.defaults()), live, clock);
    ResolveIncidentService resolver = new ResolveIncidentService(repository, repository,
        new IncidentUpdates(repository, new InMemoryEffectLog(), tracker, notifier, clock), live, clock);
    dashboard = new Dashboard(settings, users, new QueryIncidentsService(repository, repository, repository), decide,
        resolver, live, clock, deliveries);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      dashboard.mount(config);
    }).start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /**
   * Files a failure as the pipeline would: the incident, its audit entries, a suggested repair for categories a
   * rerun cures, and the change pushed to live views.
   */
  Incident fail(String runId, char signature, Category category, String error) {
    return fail(runId, signature, category, error, clock.instant());
  }

  /** The same, for a run that failed at {@code at}. */
  Incident fail(String runId, char signature, Category category, String error, Instant at) {
    return fail(runId, signature, category, error, at, Map.of());
  }

  /** The same, for a run that carried {@code costTags}. */
  Incident fail(String runId, char signature, Category category, String error, Map<String, String> costTags) {
    return fail(runId, signature, category, error, clock.instant(), costTags);
  }

  /** The same, for a run whose failure held back {@code impact}. */
  Incident failHolding(String runId, char signature, Category category, String error, List<String> impact) {
    return fail(runId, signature, category, error, clock.instant(), Map.of(), impact);
  }

  private Incident fail(String runId, char signature, Category category, String error, Instant at,
      Map<String, String> costTags) {
    return fail(runId, signature, category, error, at, costTags, List.of());
  }

  private Incident fail(String runId, char signature, Category category, String error, Instant at,
      Map<String, String> costTags, List<String> impact) {
    return fail(RunKey.of(Source.DATABRICKS, runId), "etl_orders", Samples.signature(signature), category, error, at,
        costTags, impact, Optional.empty());
  }

  /** The same, for a run of any source and job whose platform linked its run page. */
  Incident failLinked(RunKey run, String job, char signature, Category category, String error, Instant at,
      String runPageUrl) {
    return failLinked(run, job, Samples.signature(signature), category, error, at, runPageUrl);
  }

  /** The same, with any signature. */
  Incident failLinked(RunKey run, String job, ErrorSignature signature, Category category, String error, Instant at,
      String runPageUrl) {
    return fail(run, job, signature, category, error, at, Map.of(), List.of(), Optional.of(runPageUrl));
  }

  private Incident fail(RunKey run, String job, ErrorSignature signature, Category category, String error,
      Instant at, Map<String, String> costTags, List<String> impact, Optional<String> runPageUrl) {
    Filing filing = repository.file(new IncidentDraft(run, signature, job, at,
        Samples.analysis(category, error), costTags, impact, runPageUrl));
    Incident incident = filing.incident();
    boolean opened = filing instanceof Filing.Opened;
    repository.append(new AuditEntry(at, run, Optional.of(incident.id()), "pipeline",
        opened ? AuditAction.INCIDENT_OPENED : AuditAction.OCCURRENCE_ADDED, "filed run " + run));
    if (opened) {
      incident = repository.attachTicket(incident.id(), new TicketRef("builtin", "RCA-" + incident.id(),
          "https://tickets.example/RCA-" + incident.id()));
      repository.append(new AuditEntry(at, run, Optional.of(incident.id()), "pipeline", AuditAction.TICKET_CREATED,
          "ticket RCA-" + incident.id()));
    }
    if (opened && RemediationSettings.defaults().allowedCategories().contains(category)) {
      RemediationPlan plan = new RemediationPlan(incident.id(),
          RemediationPolicy.actionFor(run.source()), run, List.of(), category + " is often cured by a rerun");
      RemediationOutcome suggestion = new RemediationOutcome(plan, RemediationStatus.SUGGESTED,
          executor.describe(plan), at, Optional.empty());
      repository.record(suggestion);
      repository.append(new AuditEntry(at, run, Optional.of(incident.id()), "policy",
          AuditAction.REMEDIATION_SUGGESTED, suggestion.detail()));
    }
    live.publish(new IncidentChange(incident.id(),
        opened ? IncidentChange.Kind.OPENED : IncidentChange.Kind.RECURRED, at));
    return incident;
  }

  @Override
  public void close() {
    app.stop();
  }
}
