package dev.aiops.rca.spring;

import dev.aiops.rca.adapter.gemini.LlmRootCauseModel;
import dev.aiops.rca.adapter.jira.JiraIssueTracker;
import dev.aiops.rca.adapter.slack.SlackNotifier;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.assistant.RcaAssistantBuilder;
import dev.aiops.rca.core.model.CachingRootCauseModel;
import dev.aiops.rca.port.out.FailedRunSource;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.port.out.RootCauseModel;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
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

/**
 * The RCA assistant for a Spring Boot application: its adapters from {@code rca.*} properties, each backing off
 * when the application has a bean of its own for that port, the facade built from them (on the application's
 * {@link DataSource} when it has one), started and closed with the context; optionally the webhook and API
 * endpoints, a health indicator and meters.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(RcaProperties.class)
public class RcaAutoConfiguration {

  /** The name the Slack notifier has among the assistant's notifiers. */
  static final String SLACK_BEAN = "rcaSlackNotifier";
  /** How many model answers are kept, by signature, model and prompt version (as the facade does). */
  private static final int MODEL_CACHE_ENTRIES = 2_000;

  @Bean
  @ConditionalOnMissingBean
  public RcaSettings rcaSettings(RcaProperties properties) {
    return RcaSettings.from(properties);
  }

  @Bean
  @ConditionalOnMissingBean(IssueTracker.class)
  @ConditionalOnProperty(prefix = "rca.itsm", name = "tool", havingValue = "jira")
  public IssueTracker rcaJiraIssueTracker(RcaSettings settings) {
    return JiraIssueTracker.create(settings.jira().orElseThrow());
  }

  @Bean(SLACK_BEAN)
  @ConditionalOnMissingBean(Notifier.class)
  @ConditionalOnProperty(prefix = "rca.slack", name = "bot-token")
  public Notifier rcaSlackNotifier(RcaSettings settings) {
    return SlackNotifier.create(settings.slack().orElseThrow());
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
    RcaAssistantBuilder builder = RcaAssistant.builder().workers(settings.workers())
        .remediation(settings.remediation());
    settings.databricks().ifPresent(builder::databricks);
    settings.dataFactory().ifPresent(builder::dataFactory);
    sources.orderedStream().forEach(builder::source);
    executors.orderedStream().forEach(executor -> builder.executor(executor.source(), executor));
    tracker.ifUnique(builder::issueTracker);
    model.ifUnique(builder::model);
    Map<String, Notifier> notifiers = beans.getBeansOfType(Notifier.class);
    notifiers.forEach((name, notifier) -> builder.notifier(notifierName(name), notifier));
    if (notifiers.isEmpty()) {
      builder.notifier(LoggingNotifier.CHANNEL, new LoggingNotifier());
    }
    dataSource.ifUnique(builder::store);
    return builder.build();
  }

  /** A notifier bean's name as the assistant names notifiers: {@code ownNotifier} is {@code own-notifier}. */
  static String notifierName(String beanName) {
    if (beanName.equals(SLACK_BEAN)) {
      return "slack";
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
