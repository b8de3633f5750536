package dev.aiops.rca.spring;

import dev.aiops.rca.adapter.email.EmailNotifier;
import dev.aiops.rca.adapter.email.EmailSettings;
import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.adapter.jira.JiraIssueTracker;
import dev.aiops.rca.adapter.pagerduty.PagerDutyNotifier;
import dev.aiops.rca.adapter.servicenow.ServiceNowIssueTracker;
import dev.aiops.rca.adapter.slack.SlackNotifier;
import dev.aiops.rca.adapter.teams.TeamsNotifier;
import dev.aiops.rca.assistant.LogNotifier;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.assistant.RcaAssistantBuilder;
import dev.aiops.rca.core.lifecycle.RecoveryWatchService;
import dev.aiops.rca.core.model.CachingRootCauseModel;
import dev.aiops.rca.http.Credentials;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RootCauseModel;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The RCA assistant for a Spring Boot application: its adapters from {@code rca.*} properties, each backing off
 * when the application has a bean of its own for that port, the facade built from them (on the application's
 * {@link DataSource} when it has one), started and closed with the context; optionally the webhook and API
 * endpoints, a health indicator and meters.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(RcaProperties.class)
public class RcaAutoConfiguration {

  /** The Slack notifier's bean; an application's bean of this name replaces it. */
  static final String SLACK_BEAN = "rcaSlackNotifier";
  /** The Teams notifier's bean; an application's bean of this name replaces it. */
  static final String TEAMS_BEAN = "rcaTeamsNotifier";
  /** The PagerDuty notifier's bean; an application's bean of this name replaces it. */
  static final String PAGERDUTY_BEAN = "rcaPagerDutyNotifier";
  /** The e-mail notifier's bean; an application's bean of this name replaces it. */
  static final String EMAIL_BEAN = "rcaEmailNotifier";
  /** The starter's notifier beans by the names the assistant (and rca.notifiers) gives them. */
  private static final Map<String, String> OWN_NOTIFIERS = Map.of(SLACK_BEAN, "slack", TEAMS_BEAN, "teams",
      PAGERDUTY_BEAN, "pagerduty", EMAIL_BEAN, "email");
  /** How many model answers are kept, by signature, model and prompt version (as the facade does). */
  private static final int MODEL_CACHE_ENTRIES = 2_000;

  @Bean
  @ConditionalOnMissingBean
  public RcaSettings rcaSettings(RcaProperties properties, Environment environment) {
    return RcaSettings.from(properties, name -> Optional.ofNullable(environment.getProperty(name)));
  }

  @Bean
  @ConditionalOnMissingBean(IssueTracker.class)
  @ConditionalOnProperty(prefix = "rca.itsm", name = "tool", havingValue = "jira")
  public IssueTracker rcaJiraIssueTracker(RcaSettings settings) {
    return JiraIssueTracker.create(settings.jira().orElseThrow());
  }

  @Bean
  @ConditionalOnMissingBean(IssueTracker.class)
  @ConditionalOnProperty(prefix = "rca.itsm", name = "tool", havingValue = "servicenow")
  public IssueTracker rcaServiceNowIssueTracker(RcaSettings settings) {
    return ServiceNowIssueTracker.create(settings.serviceNow().orElseThrow());
  }

  // Each notifier backs off by name, so that an application replaces one and keeps the others.
  @Bean(SLACK_BEAN)
  @ConditionalOnMissingBean(name = SLACK_BEAN)
  @ConditionalOnProperty(prefix = "rca.slack", name = "bot-token")
  public Notifier rcaSlackNotifier(RcaSettings settings) {
    return SlackNotifier.create(settings.slack().orElseThrow());
  }

  @Bean(TEAMS_BEAN)
  @ConditionalOnMissingBean(name = TEAMS_BEAN)
  @ConditionalOnProperty(prefix = "rca.teams", name = "webhook-url")
  public Notifier rcaTeamsNotifier(RcaSettings settings) {
    return TeamsNotifier.create(settings.teams().orElseThrow());
  }

  @Bean(PAGERDUTY_BEAN)
  @ConditionalOnMissingBean(name = PAGERDUTY_BEAN)
  @ConditionalOnProperty(prefix = "rca.pagerduty", name = "routing-key")
  public Notifier rcaPagerDutyNotifier(RcaSettings settings) {
    return PagerDutyNotifier.create(settings.pagerDuty().orElseThrow());
  }

  @Bean(EMAIL_BEAN)
  @ConditionalOnMissingBean(name = EMAIL_BEAN)
  @ConditionalOnProperty(prefix = "rca.email", name = "smtp-host")
  public Notifier rcaEmailNotifier(RcaSettings settings) {
    return EmailNotifier.create(settings.email().orElseThrow());
  }

  @Bean
  @ConditionalOnMissingBean(RootCauseModel.class)
  @ConditionalOnExpression("!'${rca.llm.provider:none}'.trim().equalsIgnoreCase('none')")
  public RootCauseModel rcaRootCauseModel(RcaSettings settings) {
    LlmRootCauseModel llm = LlmRootCauseModel.create(settings.llm().orElseThrow());
    return new CachingRootCauseModel(llm, llm.modelId(), llm.promptVersion(), MODEL_CACHE_ENTRIES);
  }

  /**
   * The facade. Databricks and Data Factory are built from their settings (a pipeline's Databricks activity is
   * followed there); a {@link FailedRunSource} or {@link RemediationExecutor} bean of the application's replaces
   * the one of its platform.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public RcaAssistant rcaAssistant(RcaSettings settings, ObjectProvider<DataSource> dataSource,
      ObjectProvider<IssueTracker> tracker, ObjectProvider<RootCauseModel> model,
      ObjectProvider<FailedRunSource> sources, ObjectProvider<RemediationExecutor> executors,
      DefaultListableBeanFactory beans) {
    RecoveryWatchService.Settings recovery = RecoveryWatchService.Settings.defaults();
    RcaAssistantBuilder builder = RcaAssistant.builder().workers(settings.workers())
        .remediation(settings.remediation()).costTagKeys(settings.costTagKeys()).ticketSync(settings.ticketSync())
        .recovery(new RecoveryWatchService.Settings(recovery.resolve(), settings.recoveryInterval(),
            recovery.lookBack(), recovery.maxPerRound()))
        .knownSecrets(secrets(settings)).routing(settings.routing().service());
    settings.databricks().ifPresent(builder::databricks);
    settings.dataFactory().ifPresent(builder::dataFactory);
    sources.orderedStream().forEach(builder::source);
    executors.orderedStream().forEach(executor -> builder.executor(executor.source(), executor));
    tracker.ifUnique(builder::issueTracker);
    model.ifUnique(builder::model);
    Map<String, Notifier> notifiers = new LinkedHashMap<>();
    beans.getBeansOfType(Notifier.class).forEach((name, notifier) -> notifiers.put(notifierName(name), notifier));
    chosen(settings.notifiers(), notifiers).forEach(name -> builder.notifier(name,
        name.equals(LogNotifier.CHANNEL) ? new LogNotifier() : notifiers.get(name)));
    dataSource.ifUnique(builder::store);
    return builder.build();
  }

  /**
   * The notifiers in the order {@code rca.notifiers} gives, each of which must be there; by default the starter's
   * in the service's order (slack, teams, pagerduty, email), then the application's own; the log when none is.
   */
  static List<String> chosen(List<String> order, Map<String, Notifier> present) {
    if (order.isEmpty()) {
      List<String> chosen = new ArrayList<>(RcaSettings.NOTIFIERS.stream().filter(present::containsKey).toList());
      present.keySet().stream().filter(name -> !chosen.contains(name)).forEach(chosen::add);
      return chosen.isEmpty() ? List.of(LogNotifier.CHANNEL) : chosen;
    }
    List<String> problems = new ArrayList<>();
    for (String name : order) {
      if (!name.equals(LogNotifier.CHANNEL) && !present.containsKey(name)) {
        problems.add("rca.notifiers names " + name + ", which is not configured: " + Optional
            .ofNullable(RcaSettings.NOTIFIER_NEEDS.get(name)).map(needs -> "set " + needs)
            .orElse("no Notifier bean has that name"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRcaPropertiesException(problems);
    }
    return order;
  }

  /** The secrets of the properties, removed wherever they turn up (the builder adds those of what it builds). */
  private static Set<String> secrets(RcaSettings settings) {
    Set<String> secrets = new HashSet<>();
    settings.slack().ifPresent(s -> secrets.add(s.botToken()));
    settings.teams().ifPresent(t -> secrets.add(t.webhook().reveal()));
    settings.pagerDuty().ifPresent(p -> secrets.add(p.routingKey().reveal()));
    settings.email().flatMap(EmailSettings::password).ifPresent(p -> secrets.add(p.reveal()));
    settings.jira().ifPresent(j -> secret(j.auth()).ifPresent(secrets::add));
    settings.serviceNow().ifPresent(n -> secret(n.auth()).ifPresent(secrets::add));
    return secrets;
  }

  private static Optional<String> secret(Credentials credentials) {
    if (credentials instanceof Credentials.Basic basic) {
      return Optional.of(basic.secret());
    }
    return credentials instanceof Credentials.Bearer bearer ? Optional.of(bearer.token()) : Optional.empty();
  }

  /** A notifier bean's name as the assistant names notifiers: {@code ownNotifier} is {@code own-notifier}. */
  static String notifierName(String beanName) {
    if (OWN_NOTIFIERS.containsKey(beanName)) {
      return OWN_NOTIFIERS.get(beanName);
    }
    return beanName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9-]+", "-");
  }

  /** Starts the assistant's workers and schedules once the context is refreshed; the bean's close stops them. */
  @Bean
  @ConditionalOnMissingBean(name = "rcaAssistantLifecycle")
  public SmartLifecycle rcaAssistantLifecycle(RcaAssistant assistant) {
    return new RcaLifecycle(assistant);
  }

  /** The webhook and API endpoints, when asked for and served by Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  @ConditionalOnProperty(prefix = "rca.web", name = "enabled", havingValue = "true")
  static class WebEndpoints {

    @Bean
    @ConditionalOnMissingBean
    RcaController rcaController(RcaAssistant assistant, RcaSettings settings) {
      return new RcaController(assistant, settings);
    }
  }

  /** The assistant's health, as {@code rca} among the actuator's contributors. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "rcaHealthIndicator")
    HealthIndicator rcaHealthIndicator(RcaAssistant assistant,
        @Qualifier("rcaAssistantLifecycle") ObjectProvider<SmartLifecycle> lifecycle) {
      return new RcaHealthIndicator(assistant, () -> lifecycle.getIfAvailable(() -> null) != null
          && lifecycle.getObject().isRunning());
    }
  }

  /** The inbox and incident gauges. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterBinder.class)
  static class Meters {

    @Bean
    @ConditionalOnMissingBean(name = "rcaMeterBinder")
    MeterBinder rcaMeterBinder(RcaAssistant assistant) {
      return new RcaMeterBinder(assistant);
    }
  }
}
