package dev.aiops.rca.spring;

import dev.aiops.rca.adapter.adf.AdfCredentials;
import dev.aiops.rca.adapter.adf.AdfSettings;
import dev.aiops.rca.adapter.databricks.DatabricksCredentials;
import dev.aiops.rca.adapter.databricks.DatabricksSettings;
import dev.aiops.rca.adapter.gemini.LlmProvider;
import dev.aiops.rca.adapter.gemini.LlmSettings;
import dev.aiops.rca.adapter.jira.JiraAuth;
import dev.aiops.rca.adapter.jira.JiraSettings;
import dev.aiops.rca.adapter.slack.SlackSettings;
import dev.aiops.rca.assistant.ApiKeys;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.http.Credentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    String basePath) {

  /** The issue trackers the starter can configure from properties; any other is the embedder's own bean. */
  public static final List<String> ITSM_TOOLS = List.of("builtin", "jira");

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
  }

  /**
   * Reads every property and reports all problems at once.
   *
   * @throws InvalidRcaPropertiesException listing every missing or invalid property
   */
  public static RcaSettings from(RcaProperties p) {
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
    RcaSettings settings = new RcaSettings(apiKey.map(Secret::new), operatorKey.map(Secret::new), p.getWorkers(), databricks(r, p.getDatabricks()),
        dataFactory(r, p.getDataFactory()), llm(r, p.getLlm()),
        itsm.equals("jira") ? jira(r, p.getJira()) : Optional.empty(), slack(r, p.getSlack()),
        remediation(r, p.getRemediation()), p.getWeb().isEnabled(), basePath);
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

  private static Optional<AdfSettings> dataFactory(Reader r, RcaProperties.DataFactory p) {
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
        credentials.get()));
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

  private static RemediationSettings remediation(Reader r, RcaProperties.Remediation p) {
    RemediationSettings defaults = RemediationSettings.defaults();
    String mode = r.get(p.getMode()).orElse(defaults.mode().name()).toUpperCase(Locale.ROOT);
    List<String> modes = Arrays.stream(RemediationSettings.Mode.values())
        .map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    if (!modes.contains(mode.toLowerCase(Locale.ROOT))) {
      r.problems.add("rca.remediation.mode must be one of " + modes + ", was '" + p.getMode() + "'");
      return defaults;
    }
    return new RemediationSettings(RemediationSettings.Mode.valueOf(mode), defaults.allowedActions(),
        defaults.allowedCategories(), defaults.maxAttemptsPerIncident());
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
