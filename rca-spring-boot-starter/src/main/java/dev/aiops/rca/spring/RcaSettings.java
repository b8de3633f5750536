package dev.aiops.rca.spring;

import dev.aiops.rca.adapter.adf.AdfCredentials;
import dev.aiops.rca.adapter.adf.AdfSettings;
import dev.aiops.rca.adapter.databricks.DatabricksCredentials;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.adapter.gemini.LlmProvider;
import dev.aiops.rca.adapter.gemini.LlmSettings;
import dev.aiops.rca.adapter.jira.JiraAuth;
import dev.aiops.rca.adapter.jira.JiraSettings;
import dev.aiops.rca.adapter.email.EmailSettings;
import dev.aiops.rca.adapter.pagerduty.PagerDutySettings;
import dev.aiops.rca.adapter.servicenow.ServiceNowAuth;
import dev.aiops.rca.adapter.servicenow.ServiceNowSettings;
import dev.aiops.rca.adapter.slack.SlackSettings;
import dev.aiops.rca.adapter.teams.TeamsSettings;
import dev.aiops.rca.assistant.ApiKeys;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.Credentials;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code rca.*} properties checked and made into the adapters' own settings, with the service's rules and
 * words (the adapters' settings records validate themselves; the key rules are {@link ApiKeys}'), every problem
 * named by its property.
 */
public record RcaSettings(
    Optional<Secret> apiKey,
    Optional<Secret> operatorKey,
    int workers,
    Optional<DatabricksSettings> databricks,
    Optional<AdfSettings> dataFactory,
    Optional<LlmSettings> llm,
    Optional<JiraSettings> jira,
    Optional<SlackSettings> slack,
    RemediationSettings remediation,
    boolean webEnabled,
    String basePath,
    Optional<ServiceNowSettings> serviceNow,
    Optional<TeamsSettings> teams,
    Optional<PagerDutySettings> pagerDuty,
    Optional<EmailSettings> email,
    List<String> notifiers,
    List<String> costTagKeys,
    Duration ticketSync,
    Duration recoveryInterval,
    RcaRouting routing) {

  /** The issue trackers the starter can configure from properties; any other is the embedder's own bean. */
  public static final List<String> ITSM_TOOLS = List.of("builtin", "jira", "servicenow");
  /** The notifiers the starter configures from properties, in the order they are chosen by default. */
  public static final List<String> NOTIFIERS = List.of("slack", "teams", "pagerduty", "email", "log");
  /** How often tickets are synced when {@code rca.ticket-sync-interval} is not set (as the service). */
  public static final Duration DEFAULT_TICKET_SYNC = Duration.ofMinutes(5);

  public RcaSettings {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(operatorKey, "operatorKey");
    Objects.requireNonNull(databricks, "databricks");
    Objects.requireNonNull(dataFactory, "dataFactory");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(jira, "jira");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(serviceNow, "serviceNow");
    Objects.requireNonNull(teams, "teams");
    Objects.requireNonNull(pagerDuty, "pagerDuty");
    Objects.requireNonNull(email, "email");
    notifiers = List.copyOf(notifiers);
    costTagKeys = List.copyOf(costTagKeys);
    Objects.requireNonNull(ticketSync, "ticketSync");
    Objects.requireNonNull(recoveryInterval, "recoveryInterval");
    Objects.requireNonNull(routing, "routing");
  }

  /** The notifiers configured from properties, by name, in the default order. */
  public List<String> configuredNotifiers() {
    List<String> configured = new ArrayList<>();
    slack.ifPresent(s -> configured.add("slack"));
    teams.ifPresent(t -> configured.add("teams"));
    pagerDuty.ifPresent(p -> configured.add("pagerduty"));
    email.ifPresent(e -> configured.add("email"));
    return configured;
  }

  /**
   * Reads every property and reports all problems at once.
   *
   * @throws InvalidRcaPropertiesException listing every missing or invalid property
   */
  public static RcaSettings from(RcaProperties p) {
    return from(p, name -> Optional.ofNullable(System.getenv(name)));
  }

  /**
   * Reads every property and reports all problems at once.
   *
   * @param environment where a {@code ${NAME}} in the routes file is looked up
   * @throws InvalidRcaPropertiesException listing every missing or invalid property
   */
  public static RcaSettings from(RcaProperties p, Function<String, Optional<String>> environment) {
    Reader r = new Reader();
    Optional<String> apiKey = r.get(p.getApiKey());
    Optional<String> operatorKey = r.get(p.getOperatorKey());
    apiKey.flatMap(key -> ApiKeys.apiKeyProblem("rca.api-key", key)).ifPresent(r.problems::add);
    operatorKey.flatMap(key -> ApiKeys.operatorKeyProblem("rca.operator-key", key, "rca.api-key", apiKey))
        .ifPresent(r.problems::add);
    if (p.getWorkers() < 1 || p.getWorkers() > 64) {
      r.problems.add("rca.workers must be a number from 1 to 64, was '" + p.getWorkers() + "'");
    }
    String basePath = Optional.ofNullable(p.getWeb().getBasePath()).orElse("").replaceAll("/+$", "");
    if (!basePath.matches("(/[A-Za-z0-9._~-]+)+")) {
      r.problems.add("rca.web.base-path must be a path such as /rca, was '" + p.getWeb().getBasePath() + "'");
    }
    if (p.getWeb().isEnabled() && apiKey.isEmpty()) {
      r.required("rca.api-key", Optional.empty(), "rca.web.enabled is true: the endpoints need a key");
    }
    String itsm = r.get(p.getItsm().getTool()).orElse("builtin").toLowerCase(Locale.ROOT);
    if (!ITSM_TOOLS.contains(itsm)) {
      r.problems.add("rca.itsm.tool must be one of " + ITSM_TOOLS + ", was '" + itsm + "'");
    }
    List<String> costTags = r.list(p.getCostTagKeys());
    if (costTags.isEmpty()) {
      r.problems.add("rca.cost-tag-keys must name at least one tag");
    }
    Optional<SlackSettings> slack = slack(r, p.getSlack());
    Optional<TeamsSettings> teams = teams(r, p.getTeams());
    Optional<PagerDutySettings> pagerDuty = pagerDuty(r, p.getPagerduty());
    Optional<EmailSettings> email = email(r, p.getEmail());
    List<String> notifiers = r.list(p.getNotifiers()).stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
        .toList();
    notifiers(r, notifiers);
    RecoveryWatchService.Settings recoveryDefaults = RecoveryWatchService.Settings.defaults();
    RcaSettings settings = new RcaSettings(apiKey.map(Secret::new), operatorKey.map(Secret::new), p.getWorkers(), databricks(r, p.getDatabricks()),
        dataFactory(r, p.getDataFactory(), costTags), llm(r, p.getLlm()),
        itsm.equals("jira") ? jira(r, p.getJira()) : Optional.empty(), slack,
        remediation(r, p.getRemediation()), p.getWeb().isEnabled(), basePath,
        itsm.equals("servicenow") ? serviceNow(r, p.getServicenow()) : Optional.empty(), teams, pagerDuty, email,
        notifiers, costTags.isEmpty() ? List.of("cost_center") : costTags,
        r.interval("rca.ticket-sync-interval", p.getTicketSyncInterval(), DEFAULT_TICKET_SYNC),
        r.interval("rca.recovery-interval", p.getRecoveryInterval(), recoveryDefaults.every()),
        RcaRouting.read(p, environment, r.problems));
    if (!r.problems.isEmpty()) {
      throw new InvalidRcaPropertiesException(r.problems);
    }
    return settings;
  }

  private static Optional<DatabricksSettings> databricks(Reader r, RcaProperties.Databricks p) {
    Optional<String> host = r.get(p.getHost());
    Optional<String> token = r.get(p.getToken());
    boolean client = r.get(p.getClientId()).isPresent() || r.get(p.getClientSecret()).isPresent();
    if (host.isEmpty()) {
      if (token.isPresent() || client) {
        r.required("rca.databricks.host", host, "Databricks credentials are set");
      }
      return Optional.empty();
    }
    Optional<DatabricksCredentials> credentials;
    if (token.isPresent()) {
      credentials = Optional.of(new DatabricksCredentials.PersonalAccessToken(token.get()));
    } else if (client) {
      String because = "OAuth machine-to-machine needs both";
      Optional<String> id = r.required("rca.databricks.client-id", r.get(p.getClientId()), because);
      Optional<String> secret = r.required("rca.databricks.client-secret", r.get(p.getClientSecret()), because);
      credentials = id.isPresent() && secret.isPresent()
          ? Optional.of(new DatabricksCredentials.OAuthClient(id.get(), secret.get())) : Optional.empty();
    } else {
      r.required("rca.databricks.token", token, "rca.databricks.host is set; or set rca.databricks.client-id and "
          + "rca.databricks.client-secret");
      credentials = Optional.empty();
    }
    return credentials.flatMap(c -> r.build("rca.databricks.host", () -> DatabricksSettings.of(host.get(), c)));
  }

  private static Optional<AdfSettings> dataFactory(Reader r, RcaProperties.DataFactory p, List<String> costTags) {
    List<String> names = List.of("rca.data-factory.subscription-id", "rca.data-factory.resource-group",
        "rca.data-factory.factory-name");
    List<Optional<String>> given = List.of(r.get(p.getSubscriptionId()), r.get(p.getResourceGroup()),
        r.get(p.getFactoryName()));
    if (given.stream().allMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    String because = "Data Factory needs all of " + names;
    List<String> values = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      r.required(names.get(i), given.get(i), because).ifPresent(values::add);
    }
    Optional<AdfCredentials> credentials;
    if (p.isUseManagedIdentity()) {
      credentials = Optional.of(AdfCredentials.ManagedIdentity.of(r.get(p.getClientId())));
    } else {
      String secretBecause = "Data Factory signs in with a client secret unless "
          + "rca.data-factory.use-managed-identity=true";
      Optional<String> tenant = r.required("rca.data-factory.tenant-id", r.get(p.getTenantId()), secretBecause);
      Optional<String> client = r.required("rca.data-factory.client-id", r.get(p.getClientId()), secretBecause);
      Optional<String> secret = r.required("rca.data-factory.client-secret", r.get(p.getClientSecret()),
          secretBecause);
      credentials = tenant.isPresent() && client.isPresent() && secret.isPresent()
          ? Optional.of(new AdfCredentials.ClientSecret(tenant.get(), client.get(), secret.get()))
          : Optional.empty();
    }
    if (values.size() != names.size() || credentials.isEmpty()) {
      return Optional.empty();
    }
    return r.build("rca.data-factory", () -> AdfSettings.of(values.get(0), values.get(1), values.get(2),
        credentials.get()).withCostTagKeys(costTags.isEmpty() ? List.of("cost_center") : costTags));
  }

  private static Optional<LlmSettings> llm(Reader r, RcaProperties.Llm p) {
    Optional<String> name = r.get(p.getProvider()).map(v -> v.toLowerCase(Locale.ROOT));
    if (name.isEmpty() || name.get().equals("none")) {
      return Optional.empty();
    }
    Optional<LlmProvider> provider = Arrays.stream(LlmProvider.values())
        .filter(candidate -> candidate.id().equals(name.get())).findFirst();
    if (provider.isEmpty()) {
      r.problems.add("rca.llm.provider must be one of " + Arrays.stream(LlmProvider.values()).map(LlmProvider::id)
          .toList() + ", was '" + p.getProvider() + "'");
      return Optional.empty();
    }
    Optional<String> key = provider.get() == LlmProvider.OLLAMA ? Optional.of("")
        : r.required("rca.llm.api-key", r.get(p.getApiKey()), "rca.llm.provider is " + provider.get().id());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return r.build("rca.llm", () -> {
      LlmSettings llm = LlmSettings.of(provider.get(), key.get())
          .withModel(r.get(p.getModel()).orElse(provider.get().defaultModel()));
      return r.get(p.getBaseUrl()).map(llm::withBaseUrl).orElse(llm);
    });
  }

  private static Optional<JiraSettings> jira(Reader r, RcaProperties.Jira p) {
    String because = "rca.itsm.tool is jira";
    Optional<String> domain = r.required("rca.jira.domain", r.get(p.getDomain()), because);
    Optional<String> project = r.required("rca.jira.project-key", r.get(p.getProjectKey()), because);
    Optional<String> token = r.required("rca.jira.api-token", r.get(p.getApiToken()), because);
    Optional<String> email = r.get(p.getEmail());
    if (domain.isEmpty() || project.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    // Cloud signs in with an e-mail and an API token; Data Center with a personal access token alone.
    return r.build("rca.jira", () -> {
      Credentials auth = email.map(e -> JiraAuth.cloud(e, token.get()))
          .orElseGet(() -> JiraAuth.dataCenter(token.get()));
      return JiraSettings.of(domain.get(), auth, project.get());
    });
  }

  private static Optional<SlackSettings> slack(Reader r, RcaProperties.Slack p) {
    Optional<String> token = r.get(p.getBotToken());
    Optional<String> channel = r.get(p.getAlertChannel());
    if (token.isEmpty() && channel.isEmpty()) {
      return Optional.empty();
    }
    String because = "Slack needs both rca.slack.bot-token and rca.slack.alert-channel";
    r.required("rca.slack.bot-token", token, because);
    r.required("rca.slack.alert-channel", channel, because);
    if (token.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    return r.build("rca.slack", () -> {
      SlackSettings slack = SlackSettings.of(token.get(), channel.get());
      return r.get(p.getApiUrl()).map(URI::create).map(slack::withApiUrl).orElse(slack);
    });
  }

  private static Optional<ServiceNowSettings> serviceNow(Reader r, RcaProperties.ServiceNow p) {
    Optional<String> instance = r.required("rca.servicenow.instance", r.get(p.getInstance()),
        "rca.itsm.tool is servicenow");
    Optional<Credentials> auth;
    if (r.get(p.getToken()).isPresent()) {
      auth = r.get(p.getToken()).map(ServiceNowAuth::bearer);
    } else {
      String because = "ServiceNow needs rca.servicenow.user and rca.servicenow.password, or rca.servicenow.token";
      Optional<String> user = r.required("rca.servicenow.user", r.get(p.getUser()), because);
      Optional<String> password = r.required("rca.servicenow.password", r.get(p.getPassword()), because);
      auth = user.isPresent() && password.isPresent()
          ? Optional.of(ServiceNowAuth.userPassword(user.get(), password.get())) : Optional.empty();
    }
    if (instance.isEmpty() || auth.isEmpty()) {
      return Optional.empty();
    }
    return r.build("rca.servicenow", () -> {
      ServiceNowSettings base = ServiceNowSettings.of(instance.get(), auth.get());
      return new ServiceNowSettings(base.instance(), base.auth(), r.get(p.getAssignmentGroup()), Optional.empty(),
          base.requestTimeout(), base.maxAttempts(), base.maxBackoff(),
          r.get(p.getCloseCode()).orElse(ServiceNowSettings.DEFAULT_CLOSE_CODE));
    });
  }

  private static Optional<TeamsSettings> teams(Reader r, RcaProperties.Teams p) {
    Duration interval = r.interval("rca.teams.followup-interval", p.getFollowupInterval(),
        TeamsSettings.DEFAULT_FOLLOW_UP_INTERVAL);
    Optional<String> webhook = r.get(p.getWebhookUrl()); // not checked as a URL here: the message would show it
    if (webhook.isEmpty()) {
      return Optional.empty();
    }
    try {
      TeamsSettings.requireWebhook(new Secret(webhook.get()), "rca.teams.webhook-url");
    } catch (IllegalArgumentException e) {
      r.problems.add(e.getMessage()); // names the property; never shows the URL, whose signature is its secret
      return Optional.empty();
    }
    return r.build("rca.teams", () -> new TeamsSettings(new Secret(webhook.get()), interval,
        TeamsSettings.DEFAULT_RETRY));
  }

  private static Optional<PagerDutySettings> pagerDuty(Reader r, RcaProperties.PagerDuty p) {
    Optional<URI> events = r.url("rca.pagerduty.events-url", p.getEventsUrl());
    Optional<Priority> least = r.get(p.getMinPriority()).flatMap(value -> {
      Optional<Priority> found = Arrays.stream(Priority.values()).filter(v -> v.name().equalsIgnoreCase(value))
          .findFirst();
      if (found.isEmpty()) {
        r.problems.add("rca.pagerduty.min-priority must be one of " + Arrays.toString(Priority.values())
            + ", was '" + value + "'");
      }
      return found;
    });
    Optional<String> key = r.get(p.getRoutingKey());
    if (key.isEmpty()) {
      if (events.isPresent() || least.isPresent()) {
        r.required("rca.pagerduty.routing-key", key, "rca.pagerduty.events-url or rca.pagerduty.min-priority is set");
      }
      return Optional.empty();
    }
    return r.build("rca.pagerduty", () -> {
      PagerDutySettings pagerDuty = PagerDutySettings.of(key.get());
      pagerDuty = events.map(pagerDuty::withEventsUrl).orElse(pagerDuty);
      return least.map(pagerDuty::withMinPriority).orElse(pagerDuty);
    });
  }

  private static Optional<EmailSettings> email(Reader r, RcaProperties.Email p) {
    boolean any = r.get(p.getSmtpHost()).isPresent() || p.getSmtpPort() != null || r.get(p.getSmtpUser()).isPresent()
        || r.get(p.getSmtpPassword()).isPresent() || r.get(p.getFrom()).isPresent() || !r.list(p.getTo()).isEmpty();
    if (!any) {
      return Optional.empty();
    }
    String because = "e-mail needs both rca.email.smtp-host and rca.email.from";
    Optional<String> host = r.required("rca.email.smtp-host", r.get(p.getSmtpHost()), because);
    Optional<String> from = r.required("rca.email.from", r.get(p.getFrom()), because);
    int port = Optional.ofNullable(p.getSmtpPort()).orElse(EmailSettings.defaultPort(p.isSmtpStarttls()));
    if (port < 1 || port > 65_535) {
      r.problems.add("rca.email.smtp-port must be a number from 1 to 65535, was '" + port + "'");
      return Optional.empty();
    }
    if (host.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    return r.build("rca.email", () -> {
      EmailSettings base = EmailSettings.of(host.get(), from.get());
      return new EmailSettings(base.host(), port, r.get(p.getSmtpUser()), r.get(p.getSmtpPassword()).map(Secret::new),
          p.isSmtpStarttls(), base.from(), r.list(p.getTo()), Optional.empty(), base.timeout());
    });
  }

  /** What each of the starter's notifiers needs, for the message when rca.notifiers names one not configured. */
  static final Map<String, String> NOTIFIER_NEEDS = Map.of("slack", "rca.slack.bot-token and rca.slack.alert-channel",
      "teams", "rca.teams.webhook-url", "pagerduty", "rca.pagerduty.routing-key", "email",
      "rca.email.smtp-host and rca.email.from");

  // Whether each is configured is checked with the beans (an application's bean may stand in for one).
  private static void notifiers(Reader r, List<String> chosen) {
    for (String name : chosen) {
      if (!name.matches("[a-z0-9-]+")) {
        r.problems.add("rca.notifiers must list notifiers of " + NOTIFIERS + " or notifier beans by name, was '"
            + name + "'");
      }
    }
  }

  private static RemediationSettings remediation(Reader r, RcaProperties.Remediation p) {
    RemediationSettings defaults = RemediationSettings.defaults();
    String mode = r.get(p.getMode()).orElse(defaults.mode().name()).toUpperCase(Locale.ROOT);
    List<String> modes = Arrays.stream(RemediationSettings.Mode.values())
        .map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    if (!modes.contains(mode.toLowerCase(Locale.ROOT))) {
      r.problems.add("rca.remediation.mode must be one of " + modes + ", was '" + p.getMode() + "'");
      return defaults;
    }
    int max = p.getMaxAutoRepairs();
    if (max < 0 || max > 10) {
      r.problems.add("rca.remediation.max-auto-repairs must be a number from 0 to 10, was '" + max + "'");
      max = defaults.maxAttemptsPerIncident();
    }
    return new RemediationSettings(RemediationSettings.Mode.valueOf(mode), defaults.allowedActions(),
        defaults.allowedCategories(), max);
  }

  /** Collects problems as the service's settings reader does, in the same words. */
  private static final class Reader {
    final List<String> problems = new ArrayList<>();

    Optional<String> get(String value) {
      return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    Optional<String> required(String name, Optional<String> value, String because) {
      if (value.isEmpty()) {
        problems.add(name + " is missing (" + because + ")");
      }
      return value;
    }

    List<String> list(List<String> values) {
      return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip)
          .filter(v -> !v.isEmpty()).toList();
    }

    Optional<URI> url(String name, String value) {
      Optional<String> given = get(value);
      if (given.isEmpty()) {
        return Optional.empty();
      }
      try {
        URI uri = URI.create(given.get());
        if (uri.getScheme() != null && uri.getHost() != null) {
          return Optional.of(uri);
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
      problems.add(name + " must be an absolute URL, was '" + given.get() + "'");
      return Optional.empty();
    }

    /** A duration as the service reads one (90s, 15m, 1h, PT1H; a bare number is seconds); 0 or at least 1 s. */
    Duration interval(String name, String value, Duration otherwise) {
      Optional<String> given = get(value).map(v -> v.toLowerCase(Locale.ROOT));
      if (given.isEmpty()) {
        return otherwise;
      }
      Optional<Duration> parsed = parse(given.get());
      if (parsed.isEmpty()) {
        problems.add(name + " must be a duration such as 90s, 15m, 1h or PT1H, was '" + value.strip() + "'");
        return otherwise;
      }
      if (!parsed.get().isZero() && parsed.get().compareTo(Duration.ofSeconds(1)) < 0) {
        problems.add(name + " must be 0 (off) or a duration of at least 1s such as 30s, 10m or 1h, was '"
            + value.strip() + "'");
        return otherwise;
      }
      return parsed.get();
    }

    private static Optional<Duration> parse(String text) {
      try {
        if (text.startsWith("p")) {
          return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
        }
        long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
        switch (text.replaceAll("^[0-9]+", "")) {
          case "ms": return Optional.of(Duration.ofMillis(amount));
          case "s": case "": return Optional.of(Duration.ofSeconds(amount));
          case "m": return Optional.of(Duration.ofMinutes(amount));
          case "h": return Optional.of(Duration.ofHours(amount));
          case "d": return Optional.of(Duration.ofDays(amount));
          default: return Optional.empty();
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }

    <T> Optional<T> build(String what, Supplier<T> builder) {
      try {
        return Optional.of(builder.get());
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(what + ": " + e.getMessage());
        return Optional.empty();
      }
    }
  }
}
