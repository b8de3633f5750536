package dev.aiops.rca.app.config;

import dev.aiops.rca.adapter.adf.AdfCredentials;
import dev.aiops.rca.adapter.adf.AdfSettings;
import dev.aiops.rca.adapter.databricks.DatabricksCredentials;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.adapter.email.EmailSettings;
import dev.aiops.rca.adapter.gemini.LlmProvider;
import dev.aiops.rca.adapter.gemini.LlmSettings;
import dev.aiops.rca.adapter.jira.JiraAuth;
import dev.aiops.rca.adapter.jira.JiraSettings;
import dev.aiops.rca.adapter.servicenow.ServiceNowAuth;
import dev.aiops.rca.adapter.servicenow.ServiceNowSettings;
import dev.aiops.rca.adapter.slack.SlackSettings;
import dev.aiops.rca.adapter.web.slack.SlackApprovers;
import dev.aiops.rca.adapter.web.slack.SlackInteractionRoutes;
import dev.aiops.rca.adapter.web.slack.SlackInteractionSettings;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.remediation.FollowRemediationsService;
import dev.aiops.rca.core.remediation.RemediationFollower;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outside systems the service talks to, each present only when configured: the platforms it reads runs from,
 * the model, the issue tracker, Slack, e-mail, and what it may remediate on its own.
 *
 * @param databricks {@code DATABRICKS_HOST} with {@code DATABRICKS_TOKEN}, or with {@code DATABRICKS_CLIENT_ID}
 *     and {@code DATABRICKS_CLIENT_SECRET}
 * @param adf {@code AZURE_SUBSCRIPTION_ID}, {@code ADF_RESOURCE_GROUP}, {@code ADF_FACTORY_NAME} with a client
 *     secret ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}) or a managed identity
 * @param llm the model ({@code LLM_PROVIDER}); empty for rules only
 * @param itsmTool {@code ITSM_TOOL}: builtin, jira or servicenow
 * @param jira the Jira settings when {@code ITSM_TOOL=jira}
 * @param serviceNow the ServiceNow settings when {@code ITSM_TOOL=servicenow}
 * @param slack {@code SLACK_BOT_TOKEN} with {@code SLACK_ALERT_CHANNEL}
 * @param email {@code SMTP_HOST} with {@code RCA_EMAIL_FROM} (and {@code SMTP_PORT}, {@code SMTP_USER},
 *     {@code SMTP_PASSWORD}, {@code SMTP_STARTTLS}, {@code RCA_EMAIL_TO})
 * @param remediation {@code RCA_REMEDIATION_MODE} and {@code RCA_MAX_AUTO_REPAIRS}
 * @param costTagKeys {@code RCA_COST_TAG_KEYS}: the tags that name who pays
 * @param redactDataValues {@code RCA_REDACT_DATA_VALUES}: whether row values in error texts are masked
 * @param dashboardUrl {@code RCA_DASHBOARD_URL}: where people reach the dashboard, linked from tickets
 * @param followUp how the runs started by remediations are followed ({@code RCA_REMEDIATION_POLL},
 *     {@code RCA_RESOLVE_ON_REPAIR_SUCCESS}, {@code RCA_REMEDIATION_FOLLOW_LIMIT})
 * @param recovery how open incidents' runs are looked at again ({@code RCA_RECOVERY_INTERVAL},
 *     {@code RCA_RESOLVE_ON_RECOVERY})
 * @param ticketSync {@code RCA_TICKET_SYNC_INTERVAL}: how often tickets that people closed resolve their incidents
 *     (and failed closes are tried again); zero for never
 * @param slackInteractions {@code SLACK_SIGNING_SECRET} with {@code RCA_APPROVERS}: approving and declining a
 *     suggested remediation from the Slack card; empty when the secret is not set ({@code /slack/interactions}
 *     then answers 404)
 * @param notifiers {@code RCA_NOTIFIERS} and the Teams and PagerDuty settings
 */
public record Integrations(
    Optional<DatabricksSettings> databricks,
    Optional<AdfSettings> adf,
    Optional<LlmSettings> llm,
    String itsmTool,
    Optional<JiraSettings> jira,
    Optional<ServiceNowSettings> serviceNow,
    Optional<SlackSettings> slack,
    Optional<EmailSettings> email,
    RemediationSettings remediation,
    List<String> costTagKeys,
    boolean redactDataValues,
    Optional<URI> dashboardUrl,
    RemediationFollower.Settings followUp,
    RecoveryWatchService.Settings recovery,
    Duration ticketSync,
    Optional<SlackInteractionSettings> slackInteractions,
    NotifierSettings notifiers) {

  /** How often tickets are synced when {@code RCA_TICKET_SYNC_INTERVAL} is not set. */
  public static final Duration DEFAULT_TICKET_SYNC = Duration.ofMinutes(5);
  /** The issue trackers this build can use. */
  public static final List<String> ITSM_TOOLS = List.of("builtin", "jira", "servicenow");
  /** The tags that name a cost centre when {@code RCA_COST_TAG_KEYS} is not set. */
  public static final List<String> DEFAULT_COST_TAG_KEYS = List.of("cost_center", "CostCenter", "team");

  public Integrations {
    Objects.requireNonNull(databricks, "databricks");
    Objects.requireNonNull(adf, "adf");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(itsmTool, "itsmTool");
    Objects.requireNonNull(jira, "jira");
    Objects.requireNonNull(serviceNow, "serviceNow");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(remediation, "remediation");
    costTagKeys = List.copyOf(costTagKeys);
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(recovery, "recovery");
    Objects.requireNonNull(ticketSync, "ticketSync");
    if (!ticketSync.isZero() && ticketSync.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ticketSync must be zero (off) or at least 1 s, was " + ticketSync);
    }
    Objects.requireNonNull(slackInteractions, "slackInteractions");
    Objects.requireNonNull(notifiers, "notifiers");
    if (notifiers.chosen().contains("slack") && slack.isEmpty()) {
      throw new IllegalArgumentException("slack is chosen as a notifier but not configured");
    }
  }

  /** Nothing outside: rules only, the built-in tracker, suggestions only. */
  public static Integrations none() {
    return new Integrations(Optional.empty(), Optional.empty(), Optional.empty(), "builtin", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), RemediationSettings.defaults(), DEFAULT_COST_TAG_KEYS, true,
        Optional.empty(), RemediationFollower.Settings.defaults(), RecoveryWatchService.Settings.defaults(),
        DEFAULT_TICKET_SYNC, Optional.empty(), NotifierSettings.logOnly());
  }

  /** Reads every integration, adding each problem found to {@code problems}. */
  static Integrations read(ConfigSource source, List<String> problems) {
    SettingsReader settings = new SettingsReader(source, problems);
    List<String> costTags = settings.list("RCA_COST_TAG_KEYS", DEFAULT_COST_TAG_KEYS);
    Optional<URI> dashboard = settings.url("RCA_DASHBOARD_URL");
    String itsm = source.get("ITSM_TOOL").map(v -> v.toLowerCase(Locale.ROOT)).orElse("builtin");
    Optional<SlackInteractionSettings> interactions = slackInteractions(settings);
    boolean buttons = interactions.map(SlackInteractionSettings::buttons).orElse(false);
    if (!ITSM_TOOLS.contains(itsm)) {
      problems.add("ITSM_TOOL must be one of " + ITSM_TOOLS + ", was '" + itsm + "'");
      itsm = "builtin";
    }
    Optional<SlackSettings> slack = slack(settings, dashboard);
    Optional<EmailSettings> email = email(settings, dashboard);
    return new Integrations(
        databricks(settings),
        adf(settings, costTags),
        llm(settings),
        itsm,
        itsm.equals("jira") ? jira(settings, dashboard) : Optional.empty(),
        itsm.equals("servicenow") ? serviceNow(settings, dashboard) : Optional.empty(),
        slack.map(s -> s.withApprovalButtons(buttons)),
        email,
        remediation(settings),
        costTags,
        settings.flag("RCA_REDACT_DATA_VALUES", true),
        dashboard,
        followUp(settings),
        recovery(settings),
        settings.interval("RCA_TICKET_SYNC_INTERVAL", DEFAULT_TICKET_SYNC),
        interactions,
        NotifierSettings.read(settings, dashboard, configuredNotifiers(slack, email)));
  }

  /** The notifiers whose settings are given, by their names in {@code RCA_NOTIFIERS}. */
  private static Set<String> configuredNotifiers(Optional<SlackSettings> slack, Optional<EmailSettings> email) {
    Set<String> configured = new HashSet<>();
    slack.ifPresent(s -> configured.add("slack"));
    email.ifPresent(e -> configured.add("email"));
    return configured;
  }

  // Approvers without the secret would be a silent no-op (no endpoint, no buttons): refused, so that it is noticed.
  private static Optional<SlackInteractionSettings> slackInteractions(SettingsReader settings) {
    Optional<String> approvers = settings.get("RCA_APPROVERS");
    if (!settings.isSet("SLACK_SIGNING_SECRET")) {
      if (approvers.filter(a -> !a.isBlank()).isPresent()) {
        settings.problem("RCA_APPROVERS is set but SLACK_SIGNING_SECRET is not: approving from Slack needs the "
            + "Slack app's signing secret (Basic Information > App Credentials)");
      }
      return Optional.empty();
    }
    if (!settings.isSet("SLACK_BOT_TOKEN")) {
      settings.problem("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: the buttons are on the alerts the "
          + "bot posts");
      return Optional.empty();
    }
    return settings.build("Slack approvals", () -> new SlackInteractionSettings(
        new Secret(settings.get("SLACK_SIGNING_SECRET").orElseThrow()),
        SlackApprovers.parse(approvers.orElse(""))));
  }

  private static Optional<DatabricksSettings> databricks(SettingsReader settings) {
    boolean token = settings.isSet("DATABRICKS_TOKEN");
    boolean client = settings.isSet("DATABRICKS_CLIENT_ID") || settings.isSet("DATABRICKS_CLIENT_SECRET");
    if (!settings.isSet("DATABRICKS_HOST")) {
      if (token || client) {
        settings.required("DATABRICKS_HOST", "Databricks credentials are set");
      }
      return Optional.empty();
    }
    String host = settings.get("DATABRICKS_HOST").orElseThrow();
    Optional<DatabricksCredentials> credentials;
    if (token) {
      credentials = Optional.of(new DatabricksCredentials.PersonalAccessToken(settings.get("DATABRICKS_TOKEN")
          .orElseThrow()));
    } else if (client) {
      String because = "OAuth machine-to-machine needs both";
      Optional<String> id = settings.required("DATABRICKS_CLIENT_ID", because);
      Optional<String> secret = settings.required("DATABRICKS_CLIENT_SECRET", because);
      credentials = id.isPresent() && secret.isPresent()
          ? Optional.of(new DatabricksCredentials.OAuthClient(id.get(), secret.get())) : Optional.empty();
    } else {
      settings.required("DATABRICKS_TOKEN", "DATABRICKS_HOST is set; or set DATABRICKS_CLIENT_ID and "
          + "DATABRICKS_CLIENT_SECRET");
      credentials = Optional.empty();
    }
    return credentials.flatMap(c -> settings.build("DATABRICKS_HOST", () -> DatabricksSettings.of(host, c)));
  }

  private static Optional<AdfSettings> adf(SettingsReader settings, List<String> costTags) {
    List<String> names = List.of("AZURE_SUBSCRIPTION_ID", "ADF_RESOURCE_GROUP", "ADF_FACTORY_NAME");
    if (names.stream().noneMatch(settings::isSet)) {
      return Optional.empty();
    }
    String because = "Data Factory needs all of " + names;
    List<String> values = new ArrayList<>();
    names.forEach(name -> settings.required(name, because).ifPresent(values::add));
    Optional<AdfCredentials> credentials;
    if (settings.flag("AZURE_USE_MANAGED_IDENTITY", false)) {
      credentials = Optional.of(AdfCredentials.ManagedIdentity.of(settings.get("AZURE_CLIENT_ID")));
    } else {
      String secretBecause = "Data Factory signs in with a client secret unless AZURE_USE_MANAGED_IDENTITY=true";
      Optional<String> tenant = settings.required("AZURE_TENANT_ID", secretBecause);
      Optional<String> client = settings.required("AZURE_CLIENT_ID", secretBecause);
      Optional<String> secret = settings.required("AZURE_CLIENT_SECRET", secretBecause);
      credentials = tenant.isPresent() && client.isPresent() && secret.isPresent()
          ? Optional.of(new AdfCredentials.ClientSecret(tenant.get(), client.get(), secret.get()))
          : Optional.empty();
    }
    Optional<URI> authority = settings.url("AZURE_AUTHORITY_HOST");
    Optional<URI> management = settings.url("AZURE_MANAGEMENT_URL");
    if (values.size() != names.size() || credentials.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("Data Factory settings", () -> AdfSettings.of(values.get(0), values.get(1),
            values.get(2), credentials.get())
        .withEndpoints(authority.orElse(AdfSettings.PUBLIC_AUTHORITY), management.orElse(AdfSettings.PUBLIC_MANAGEMENT))
        .withCostTagKeys(costTags));
  }

  private static Optional<LlmSettings> llm(SettingsReader settings) {
    boolean none = settings.get("LLM_PROVIDER").map(v -> v.equalsIgnoreCase("none")).orElse(false);
    if (none) {
      return Optional.empty();
    }
    Optional<LlmProvider> chosen = settings.choice("LLM_PROVIDER", LlmProvider.class, LlmProvider::id);
    if (chosen.isEmpty()) {
      if (settings.get("LLM_PROVIDER").isPresent() || !settings.isSet("GEMINI_API_KEY")) {
        return Optional.empty(); // a bad value was reported; no value and no key means rules only
      }
      chosen = Optional.of(LlmProvider.GEMINI);
    }
    LlmProvider provider = chosen.get();
    String prefix = provider.name();
    Optional<String> key = provider == LlmProvider.OLLAMA ? Optional.of("")
        : settings.required(prefix + "_API_KEY", "LLM_PROVIDER is " + provider.id());
    String model = settings.get(prefix + "_MODEL").orElse(provider.defaultModel());
    Optional<String> baseUrl = settings.get(prefix + "_BASE_URL");
    int budget = settings.number("RCA_LLM_INPUT_TOKENS", LlmSettings.DEFAULT_INPUT_TOKEN_BUDGET, 1_000, 1_000_000);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return settings.build(prefix + "_* settings", () -> {
      LlmSettings llm = LlmSettings.of(provider, key.get()).withModel(model).withInputTokenBudget(budget);
      return baseUrl.map(llm::withBaseUrl).orElse(llm);
    });
  }

  private static Optional<JiraSettings> jira(SettingsReader settings, Optional<URI> dashboard) {
    String because = "ITSM_TOOL is jira";
    Optional<String> domain = settings.required("JIRA_DOMAIN", because);
    Optional<String> project = settings.required("JIRA_PROJECT_KEY", because);
    Optional<String> token = settings.required("JIRA_API_TOKEN", because);
    Optional<String> email = settings.get("JIRA_USER_EMAIL");
    // Cloud signs in with an e-mail and an API token; Data Center with a personal access token alone.
    int version = settings.number("JIRA_API_VERSION", email.isPresent() ? 3 : 2, 2, 3);
    String issueType = settings.get("JIRA_ISSUE_TYPE").orElse("Bug");
    boolean reopen = settings.flag("JIRA_REOPEN", true);
    boolean priority = settings.flag("JIRA_SET_PRIORITY", true);
    Optional<String> occurrences = settings.get("JIRA_OCCURRENCE_FIELD");
    Optional<String> doneTransition = settings.get("JIRA_DONE_TRANSITION");
    List<String> priorityNames = settings.list("JIRA_PRIORITY_NAMES", JiraSettings.DEFAULT_PRIORITY_NAMES);
    if (domain.isEmpty() || project.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("JIRA_* settings", () -> {
      Credentials auth = email.map(e -> JiraAuth.cloud(e, token.get()))
          .orElseGet(() -> JiraAuth.dataCenter(token.get()));
      JiraSettings base = JiraSettings.of(domain.get(), auth, project.get());
      return new JiraSettings(base.domain(), auth, base.projectKey(), issueType, version, reopen, priority,
          occurrences, dashboard, base.requestTimeout(), base.maxAttempts(), base.maxBackoff(), doneTransition,
          priorityNames);
    });
  }

  private static Optional<ServiceNowSettings> serviceNow(SettingsReader settings, Optional<URI> dashboard) {
    Optional<String> instance = settings.required("SERVICENOW_INSTANCE", "ITSM_TOOL is servicenow");
    Optional<Credentials> auth;
    if (settings.isSet("SERVICENOW_TOKEN")) {
      auth = Optional.of(ServiceNowAuth.bearer(settings.get("SERVICENOW_TOKEN").orElseThrow()));
    } else {
      String because = "ServiceNow needs SERVICENOW_USER and SERVICENOW_PASSWORD, or SERVICENOW_TOKEN";
      Optional<String> user = settings.required("SERVICENOW_USER", because);
      Optional<String> password = settings.required("SERVICENOW_PASSWORD", because);
      auth = user.isPresent() && password.isPresent()
          ? Optional.of(ServiceNowAuth.userPassword(user.get(), password.get())) : Optional.empty();
    }
    Optional<String> group = settings.get("SERVICENOW_ASSIGNMENT_GROUP");
    String closeCode = settings.get("SERVICENOW_CLOSE_CODE").orElse(ServiceNowSettings.DEFAULT_CLOSE_CODE);
    if (instance.isEmpty() || auth.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("SERVICENOW_* settings", () -> {
      ServiceNowSettings base = ServiceNowSettings.of(instance.get(), auth.get());
      return new ServiceNowSettings(base.instance(), base.auth(), group, dashboard, base.requestTimeout(),
          base.maxAttempts(), base.maxBackoff(), closeCode);
    });
  }

  private static Optional<SlackSettings> slack(SettingsReader settings, Optional<URI> dashboard) {
    if (!settings.isSet("SLACK_BOT_TOKEN") && !settings.isSet("SLACK_ALERT_CHANNEL")) {
      return Optional.empty();
    }
    String because = "Slack needs both SLACK_BOT_TOKEN and SLACK_ALERT_CHANNEL";
    Optional<String> token = settings.required("SLACK_BOT_TOKEN", because);
    Optional<String> channel = settings.required("SLACK_ALERT_CHANNEL", because);
    Optional<URI> api = settings.url("SLACK_API_URL");
    java.time.Duration interval = settings.duration("SLACK_THREAD_INTERVAL", java.time.Duration.ofHours(1));
    if (token.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("SLACK_* settings", () -> {
      SlackSettings slack = SlackSettings.of(token.get(), channel.get()).withThreadInterval(interval);
      slack = api.map(slack::withApiUrl).orElse(slack);
      return dashboard.map(slack::withDashboardUrl).orElse(slack);
    });
  }

  private static Optional<EmailSettings> email(SettingsReader settings, Optional<URI> dashboard) {
    List<String> names = List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_STARTTLS",
        "RCA_EMAIL_FROM", "RCA_EMAIL_TO");
    if (names.stream().noneMatch(settings::isSet)) {
      return Optional.empty();
    }
    String because = "e-mail needs both SMTP_HOST and RCA_EMAIL_FROM";
    Optional<String> host = settings.required("SMTP_HOST", because);
    Optional<String> from = settings.required("RCA_EMAIL_FROM", because);
    boolean startTls = settings.flag("SMTP_STARTTLS", true);
    int port = settings.number("SMTP_PORT", EmailSettings.defaultPort(startTls), 1, 65_535);
    Optional<String> user = settings.get("SMTP_USER");
    Optional<String> password = settings.get("SMTP_PASSWORD");
    List<String> to = settings.list("RCA_EMAIL_TO", List.of());
    if (host.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    return settings.build("SMTP_* settings", () -> {
      EmailSettings base = EmailSettings.of(host.get(), from.get());
      return new EmailSettings(base.host(), port, user, password.map(Secret::new), startTls, base.from(), to,
          dashboard, base.timeout());
    });
  }

  private static RemediationSettings remediation(SettingsReader settings) {
    RemediationSettings defaults = RemediationSettings.defaults();
    RemediationSettings.Mode mode = settings.choice("RCA_REMEDIATION_MODE", RemediationSettings.Mode.class,
        m -> m.name().toLowerCase(Locale.ROOT)).orElse(defaults.mode());
    int max = settings.number("RCA_MAX_AUTO_REPAIRS", defaults.maxAttemptsPerIncident(), 0, 10);
    return new RemediationSettings(mode, defaults.allowedActions(), defaults.allowedCategories(), max);
  }

  private static RemediationFollower.Settings followUp(SettingsReader settings) {
    RemediationFollower.Settings defaults = RemediationFollower.Settings.defaults();
    Duration poll = settings.duration("RCA_REMEDIATION_POLL", defaults.poll());
    Duration limit = settings.duration("RCA_REMEDIATION_FOLLOW_LIMIT", defaults.core().giveUpAfter());
    if (poll.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(Duration.ofMinutes(1)) < 0) {
      settings.problem("RCA_REMEDIATION_POLL must be at least 1s and RCA_REMEDIATION_FOLLOW_LIMIT at least 1m");
      return defaults;
    }
    return new RemediationFollower.Settings(poll, new FollowRemediationsService.Settings(
        settings.flag("RCA_RESOLVE_ON_REPAIR_SUCCESS", defaults.core().resolveOnSuccess()), limit));
  }

  private static RecoveryWatchService.Settings recovery(SettingsReader settings) {
    RecoveryWatchService.Settings defaults = RecoveryWatchService.Settings.defaults();
    Duration every = settings.interval("RCA_RECOVERY_INTERVAL", defaults.every());
    return new RecoveryWatchService.Settings(settings.flag("RCA_RESOLVE_ON_RECOVERY", defaults.resolve()), every,
        defaults.lookBack(), defaults.maxPerRound());
  }


  /** One line per integration, secrets masked, for the start-up log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("databricks: " + databricks.map(d -> d.host() + " (" + d.credentials() + ")")
        .orElse("not configured: webhooks are analysed as they come"));
    lines.add("data factory: " + adf.map(a -> a.factoryResourceId()).orElse("not configured"));
    lines.add("model: " + llm.map(LlmSettings::modelId).orElse("none (rules only)"));
    lines.add("issue tracker: " + itsmTool + jira.map(j -> " " + j.domain() + " project " + j.projectKey()).orElse("")
        + serviceNow.map(s -> " " + s.instance()).orElse(""));
    lines.add("slack: " + slack.map(s -> "channel " + s.channel()).orElse("not configured"));
    lines.add("email: " + email.map(e -> "SMTP " + e.host() + ":" + e.port() + (e.startTls() ? " with STARTTLS" : "")
        + e.user().map(u -> " as " + u).orElse("") + ", from " + e.from() + ", " + e.defaultRecipients().size()
        + " default recipient(s)").orElse("not configured"));
    lines.add("slack approvals: " + slackInteractions.map(i -> "POST " + SlackInteractionRoutes.PATH
        + " signed with SLACK_SIGNING_SECRET; " + (i.buttons() ? "approvers " + i.approvers().describe()
        : "nobody in RCA_APPROVERS, so no buttons and every press refused"))
        .orElse("off (SLACK_SIGNING_SECRET not set: " + SlackInteractionRoutes.PATH + " answers 404)"));
    lines.add(notifiers.describe());
    lines.add("remediation: " + remediation.mode().name().toLowerCase(Locale.ROOT) + ", at most "
        + remediation.maxAttemptsPerIncident() + " per incident");
    lines.add("remediation runs: followed every " + followUp.poll().toSeconds() + " s for at most "
        + followUp.core().giveUpAfter().toHours() + " h; " + (followUp.core().resolveOnSuccess()
        ? "a run that ends well resolves its incident" : "incidents are resolved by people only"));
    lines.add("recovery: " + (recovery.every().isZero() ? "open incidents are not looked at again"
        : "open incidents' runs looked at again every " + recovery.every().toSeconds() + " s; a recovered one is "
        + (recovery.resolve() ? "resolved" : "noted on its ticket")));
    lines.add("ticket sync: " + (ticketSync.isZero() ? "off (closing a ticket does not resolve its incident)"
        : "every " + ticketSync.toSeconds() + " s"));
    lines.add("cost tags: " + String.join(",", costTagKeys));
    return lines;
  }
}
