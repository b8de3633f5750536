package dev.aiops.rca.assistant;

import dev.aiops.rca.adapter.adf.AdfCredentials;
import dev.aiops.rca.adapter.adf.AdfSettings;
import dev.aiops.rca.adapter.databricks.DatabricksCredentials;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.adapter.email.EmailNotifier;
import dev.aiops.rca.adapter.email.EmailSettings;
import dev.aiops.rca.adapter.gemini.LlmSettings;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jira.JiraSettings;
import dev.aiops.rca.adapter.pagerduty.PagerDutyNotifier;
import dev.aiops.rca.adapter.pagerduty.PagerDutySettings;
import dev.aiops.rca.adapter.servicenow.ServiceNowSettings;
import dev.aiops.rca.adapter.slack.SlackNotifier;
import dev.aiops.rca.adapter.slack.SlackSettings;
import dev.aiops.rca.adapter.teams.TeamsNotifier;
import dev.aiops.rca.adapter.teams.TeamsSettings;
import dev.aiops.rca.core.intake.DeliveryWorkers;
import dev.aiops.rca.core.intake.ReconcileService;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.remediation.RemediationFollower;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.domain.RetryPolicy;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RootCauseModel;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * What an {@link RcaAssistant} is made of: settings objects (the adapters build themselves from them) or ready
 * instances of the ports. Everything but a notifier has a default: no platform (webhooks are analysed as they come),
 * no model (rules only), the built-in issue tracker, and an in-memory H2 store named per instance (logged at build).
 */
public final class RcaAssistantBuilder {

  /** How the store is reached: settings the store opens a pool for, or a caller's data source. */
  sealed interface Store permits ByDataSource, BySettings {}

  record ByDataSource(DataSource dataSource) implements Store {}

  record BySettings(JdbcSettings settings) implements Store {}

  /** The issue tracker: one of the adapters by settings, the built-in one, or the caller's own. */
  sealed interface Tracker permits Builtin, Jira, ServiceNow, Own {}

  record Builtin() implements Tracker {}

  record Jira(JiraSettings settings) implements Tracker {}

  record ServiceNow(ServiceNowSettings settings) implements Tracker {}

  record Own(IssueTracker tracker) implements Tracker {}

  /** The model: none, a provider by settings, a chat model the caller built, or any {@link RootCauseModel}. */
  sealed interface Model permits NoModel, ByLlmSettings, OverChatModel, OwnModel {}

  record NoModel() implements Model {}

  record ByLlmSettings(LlmSettings settings) implements Model {}

  record OverChatModel(ChatModel chatModel, LlmSettings settings) implements Model {}

  record OwnModel(RootCauseModel model) implements Model {}

  Optional<DatabricksSettings> databricks = Optional.empty();
  Optional<AdfSettings> adf = Optional.empty();
  final Map<Source, FailedRunSource> sources = new EnumMap<>(Source.class);
  final Map<Source, RemediationExecutor> executors = new EnumMap<>(Source.class);
  Model model = new NoModel();
  Tracker tracker = new Builtin();
  final List<Notifiers.Named> notifiers = new ArrayList<>();
  Optional<Store> store = Optional.empty();
  RemediationSettings remediation = RemediationSettings.defaults();
  RoutingService routing = RoutingService.unrouted();
  int maxRunsPerWebhook = 100;
  int notifyBurst = 10;
  int workers = 2;
  Duration inboxRetention = Duration.ofDays(14);
  RetryPolicy retry = RetryPolicy.defaults();
  List<String> costTagKeys = List.of("cost_center", "CostCenter", "team");
  boolean redactDataValues = true;
  final Set<String> knownSecrets = new LinkedHashSet<>();
  RemediationFollower.Settings followUp = RemediationFollower.Settings.defaults();
  RecoveryWatchService.Settings recovery = RecoveryWatchService.Settings.defaults();
  Duration ticketSync = Duration.ofMinutes(5);
  Duration reconcileInterval = Duration.ofMinutes(10);
  Clock clock = Clock.systemUTC();
  Optional<String> instance = Optional.empty();
  UnaryOperator<IncidentRepository> incidentDecorator = UnaryOperator.identity();
  UnaryOperator<AuditTrail> auditDecorator = UnaryOperator.identity();
  Consumer<ReconcileService.Swept> onSweep = swept -> { };

  RcaAssistantBuilder() {}

  /** Reads failed runs from Databricks, and repairs them; its token is redacted wherever it turns up. */
  public RcaAssistantBuilder databricks(DatabricksSettings settings) {
    databricks = Optional.of(settings);
    DatabricksCredentials credentials = settings.credentials();
    if (credentials instanceof DatabricksCredentials.PersonalAccessToken pat) {
      knownSecrets.add(pat.token());
    } else if (credentials instanceof DatabricksCredentials.OAuthClient client) {
      knownSecrets.add(client.clientSecret());
    }
    return this;
  }

  /** Reads failed pipeline runs from Azure Data Factory, and reruns them. */
  public RcaAssistantBuilder dataFactory(AdfSettings settings) {
    adf = Optional.of(settings);
    if (settings.credentials() instanceof AdfCredentials.ClientSecret client) {
      knownSecrets.add(client.clientSecret());
    }
    return this;
  }

  /** A platform's runs read by the caller's own source (in place of the one its settings would build). */
  public RcaAssistantBuilder source(FailedRunSource source) {
    sources.put(source.source(), Objects.requireNonNull(source, "source"));
    return this;
  }

  /** A platform's remediations run by the caller's own executor. */
  public RcaAssistantBuilder executor(Source platform, RemediationExecutor executor) {
    executors.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(executor, "executor"));
    return this;
  }

  /** The model of a provider, by settings (Gemini, OpenAI, Azure OpenAI, Anthropic, Ollama). */
  public RcaAssistantBuilder llm(LlmSettings settings) {
    model = new ByLlmSettings(Objects.requireNonNull(settings, "settings"));
    if (!settings.apiKey().isBlank()) {
      knownSecrets.add(settings.apiKey());
    }
    return this;
  }

  /** Any langchain4j chat model the caller built (with the library's retries off); settings give the budgets. */
  public RcaAssistantBuilder llm(ChatModel chatModel, LlmSettings settings) {
    model = new OverChatModel(Objects.requireNonNull(chatModel, "chatModel"), Objects.requireNonNull(settings,
        "settings"));
    return this;
  }

  /** A root-cause model of the caller's own. */
  public RcaAssistantBuilder model(RootCauseModel rootCauseModel) {
    model = new OwnModel(Objects.requireNonNull(rootCauseModel, "rootCauseModel"));
    return this;
  }

  public RcaAssistantBuilder jira(JiraSettings settings) {
    tracker = new Jira(Objects.requireNonNull(settings, "settings"));
    addSecret(settings.auth());
    return this;
  }

  public RcaAssistantBuilder serviceNow(ServiceNowSettings settings) {
    tracker = new ServiceNow(Objects.requireNonNull(settings, "settings"));
    addSecret(settings.auth());
    return this;
  }

  /** Tickets kept in the assistant's own database (the default). */
  public RcaAssistantBuilder builtinIssueTracker() {
    tracker = new Builtin();
    return this;
  }

  /** The caller's own implementation of the tracker port. */
  public RcaAssistantBuilder issueTracker(IssueTracker issueTracker) {
    tracker = new Own(Objects.requireNonNull(issueTracker, "issueTracker"));
    return this;
  }

  /** The notifiers, in order, the first primary; replaces any given before. */
  public RcaAssistantBuilder notifiers(Notifiers chosen) {
    notifiers.clear();
    notifiers.addAll(chosen.all());
    return this;
  }

  /** Adds a notifier of the caller's own; the first one added is the primary. */
  public RcaAssistantBuilder notifier(String name, Notifier notifier) {
    notifiers.add(new Notifiers.Named(name, notifier));
    return this;
  }

  public RcaAssistantBuilder slack(SlackSettings settings) {
    knownSecrets.add(settings.botToken());
    return notifier("slack", SlackNotifier.create(settings));
  }

  public RcaAssistantBuilder teams(TeamsSettings settings) {
    knownSecrets.add(settings.webhook().reveal());
    return notifier("teams", TeamsNotifier.create(settings));
  }

  public RcaAssistantBuilder pagerDuty(PagerDutySettings settings) {
    knownSecrets.add(settings.routingKey().reveal());
    return notifier("pagerduty", PagerDutyNotifier.create(settings));
  }

  public RcaAssistantBuilder email(EmailSettings settings) {
    settings.password().ifPresent(password -> knownSecrets.add(password.reveal()));
    return notifier("email", EmailNotifier.create(settings));
  }

  /**
   * Stores in the caller's pool (H2 opened with {@link JdbcSettings#H2_OPTIONS}, or PostgreSQL): migrated at build,
   * never closed by the assistant.
   */
  public RcaAssistantBuilder store(DataSource dataSource) {
    store = Optional.of(new ByDataSource(Objects.requireNonNull(dataSource, "dataSource")));
    return this;
  }

  /** Stores in the database the settings name, through a pool of the assistant's own, closed with it. */
  public RcaAssistantBuilder store(JdbcSettings settings) {
    store = Optional.of(new BySettings(Objects.requireNonNull(settings, "settings")));
    settings.password().ifPresent(knownSecrets::add);
    return this;
  }

  public RcaAssistantBuilder remediation(RemediationSettings settings) {
    remediation = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Who owns a failure and where it is told: the routes, the priority matrix and the runbooks. */
  public RcaAssistantBuilder routing(RoutingService service) {
    routing = Objects.requireNonNull(service, "service");
    return this;
  }

  /** How far one burst of failures fans out: runs taken from one webhook body, messages before a summary. */
  public RcaAssistantBuilder floodLimits(int runsPerWebhook, int messagesBeforeSummary) {
    maxRunsPerWebhook = runsPerWebhook;
    notifyBurst = messagesBeforeSummary;
    return this;
  }

  /** How many inbox workers process deliveries. */
  public RcaAssistantBuilder workers(int count) {
    workers = count;
    return this;
  }

  /** How long a finished delivery keeps its raw body and headers. */
  public RcaAssistantBuilder inboxRetention(Duration retention) {
    inboxRetention = Objects.requireNonNull(retention, "retention");
    return this;
  }

  /** How a delivery that failed on an outage is retried. */
  public RcaAssistantBuilder retry(RetryPolicy policy) {
    retry = Objects.requireNonNull(policy, "policy");
    return this;
  }

  public RcaAssistantBuilder costTagKeys(List<String> keys) {
    costTagKeys = List.copyOf(keys);
    return this;
  }

  /** Whether row values quoted in error texts are masked as well as credentials (the default: they are). */
  public RcaAssistantBuilder redactDataValues(boolean redact) {
    redactDataValues = redact;
    return this;
  }

  /** Secrets of the caller's own to remove wherever they turn up; those of the settings given are added already. */
  public RcaAssistantBuilder knownSecrets(Set<String> secrets) {
    secrets.stream().filter(s -> s != null && !s.isBlank()).forEach(knownSecrets::add);
    return this;
  }

  public RcaAssistantBuilder followUp(RemediationFollower.Settings settings) {
    followUp = Objects.requireNonNull(settings, "settings");
    return this;
  }

  public RcaAssistantBuilder recovery(RecoveryWatchService.Settings settings) {
    recovery = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** How often tickets people closed resolve their incidents; zero for never. */
  public RcaAssistantBuilder ticketSync(Duration every) {
    ticketSync = Objects.requireNonNull(every, "every");
    return this;
  }

  /** How often the platforms are swept for failed runs whose webhook never came; zero for never. */
  public RcaAssistantBuilder reconcileEvery(Duration every) {
    reconcileInterval = Objects.requireNonNull(every, "every");
    return this;
  }

  public RcaAssistantBuilder clock(Clock time) {
    clock = Objects.requireNonNull(time, "time");
    return this;
  }

  /** This instance's name among several on one database (leases, sweeps); host, pid and a suffix by default. */
  public RcaAssistantBuilder instance(String name) {
    instance = Optional.of(name);
    return this;
  }

  /** Wraps the incident repository the pipeline and the queries use (the HTTP service meters it). */
  public RcaAssistantBuilder decorateIncidents(UnaryOperator<IncidentRepository> decorator) {
    incidentDecorator = Objects.requireNonNull(decorator, "decorator");
    return this;
  }

  /** Wraps the audit trail everything writes to. */
  public RcaAssistantBuilder decorateAudit(UnaryOperator<AuditTrail> decorator) {
    auditDecorator = Objects.requireNonNull(decorator, "decorator");
    return this;
  }

  /** Told of each platform's sweep (the HTTP service counts them). */
  public RcaAssistantBuilder onSweep(Consumer<ReconcileService.Swept> observer) {
    onSweep = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Opens the store (migrating it) and assembles everything; nothing runs until {@link RcaAssistant#start()}.
   *
   * @throws IllegalStateException if no notifier was given
   */
  public RcaAssistant build() {
    if (notifiers.isEmpty()) {
      throw new IllegalStateException("no notifier: give one with .notifier(name, notifier), .notifiers(...), "
          + ".slack(...), .teams(...), .pagerDuty(...) or .email(...)");
    }
    return new RcaAssistant(this);
  }

  private void addSecret(Credentials credentials) {
    if (credentials instanceof Credentials.Basic basic) {
      knownSecrets.add(basic.secret());
    } else if (credentials instanceof Credentials.Bearer bearer) {
      knownSecrets.add(bearer.token());
    }
  }
}
