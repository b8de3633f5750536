package dev.aiops.rca.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.Samples;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in a plain application context: properties, validation, back-off, the store. */
class RcaAutoConfigurationTest {

  static final String API_KEY = "webhook-key-0123456789abcdef";
  static final String OPERATOR_KEY = "operator-key-0123456789abcdef";
  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RcaAutoConfiguration.class));

  static String webhook(String runId) {
    return "{\"event\":\"on_failure\",\"run_id\":" + runId + ",\"job_id\":42,\"job_name\":\"etl_orders\"}";
  }

  static Incident awaitIncident(RcaAssistant rca) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      List<Incident> found = rca.incidents().list(IncidentQuery.all(10));
      if (!found.isEmpty() && found.get(0).notification().isPresent()) {
        return found.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no incident with a message within 20 s");
  }

  static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:starter_" + UUID.randomUUID().toString().replace("-", "")
        + JdbcSettings.H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  @Test
  void should_start_the_assistant_with_a_log_notifier_and_its_workers_when_nothing_is_configured() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(RcaAssistant.class).doesNotHaveBean(IssueTracker.class)
          .doesNotHaveBean(Notifier.class).doesNotHaveBean(RcaController.class);
      RcaAssistant rca = context.getBean(RcaAssistant.class);
      assertThat(rca.notifiers().all()).extracting(n -> n.name()).containsExactly("log");
      assertThat(rca.workers().alive()).as("started with the context").isEqualTo(2);
    });
  }

  @Test
  void should_bind_the_properties_into_the_adapters_own_settings() {
    runner.withPropertyValues("rca.api-key=" + API_KEY, "rca.operator-key=" + OPERATOR_KEY, "rca.workers=3",
        "rca.databricks.host=https://adb-1234.5.azuredatabricks.net", "rca.databricks.token=dapi0123456789abcdef",
        "rca.slack.bot-token=xoxb-1-2-abc", "rca.slack.alert-channel=#data-alerts",
        "rca.itsm.tool=jira", "rca.jira.domain=acme.atlassian.net", "rca.jira.email=bot@acme.example",
        "rca.jira.api-token=jira-token", "rca.jira.project-key=OPS", "rca.remediation.mode=auto",
        "rca.web.base-path=/ops/rca/").run(context -> {
          assertThat(context).hasNotFailed();
          RcaSettings settings = context.getBean(RcaSettings.class);
          assertThat(settings.workers()).isEqualTo(3);
          assertThat(settings.databricks()).hasValueSatisfying(d -> assertThat(d.host().toString()).contains("adb-1234"));
          assertThat(settings.slack()).hasValueSatisfying(s -> assertThat(s.channel()).isEqualTo("#data-alerts"));
          assertThat(settings.jira()).hasValueSatisfying(j -> assertThat(j.projectKey()).isEqualTo("OPS"));
          assertThat(settings.remediation().mode().name()).isEqualTo("AUTO");
          assertThat(settings.basePath()).isEqualTo("/ops/rca");
          assertThat(settings.toString()).as("keys are masked").doesNotContain(API_KEY, OPERATOR_KEY);
          assertThat(context).hasBean("rcaSlackNotifier").hasBean("rcaJiraIssueTracker");
          assertThat(context.getBean(RcaAssistant.class).notifiers().all()).extracting(n -> n.name())
              .containsExactly("slack");
          assertThat(context.getBean(RcaAssistant.class).workers().size()).isEqualTo(3);
        });
  }

  @Test
  void should_refuse_to_start_naming_the_property_when_the_api_key_is_short() {
    runner.withPropertyValues("rca.api-key=short").run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().isInstanceOf(InvalidRcaPropertiesException.class)
        .hasMessageContaining("rca.api-key must be at least 24 characters long, was 5"));
  }

  @Test
  void should_refuse_to_start_when_the_operator_key_is_the_webhook_key() {
    runner.withPropertyValues("rca.api-key=" + API_KEY, "rca.operator-key=" + API_KEY).run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rca.operator-key must differ from rca.api-key"));
  }

  @Test
  void should_report_every_bad_property_at_once_with_the_services_rules() {
    runner.withPropertyValues("rca.databricks.host=https://adb-1.azuredatabricks.net", "rca.slack.bot-token=xoxb-1",
        "rca.itsm.tool=remedy", "rca.workers=0", "rca.llm.provider=gemini", "rca.remediation.mode=yolo")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(
              InvalidRcaPropertiesException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                  "rca.workers must be a number from 1 to 64, was '0'",
                  "rca.itsm.tool must be one of [builtin, jira, servicenow], was 'remedy'",
                  "rca.databricks.token is missing (rca.databricks.host is set; or set rca.databricks.client-id"
                      + " and rca.databricks.client-secret)",
                  "rca.llm.api-key is missing (rca.llm.provider is gemini)",
                  "rca.slack.alert-channel is missing (Slack needs both rca.slack.bot-token and "
                      + "rca.slack.alert-channel)",
                  "rca.remediation.mode must be one of [off, suggest, auto], was 'yolo'"));
        });
  }

  @Test
  void should_pass_on_the_adapters_own_validation_message_under_the_property() {
    runner.withPropertyValues("rca.databricks.host=ftp://adb-1.example", "rca.databricks.token=dapi0123")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("rca.databricks.host: "));
  }

  /** The embedder's own tracker, notifier and run source. */
  @Configuration(proxyBeanMethods = false)
  static class OwnPorts {
    static final InMemoryFailedRunSource RUNS = new InMemoryFailedRunSource(Source.DATABRICKS);

    @Bean
    InMemoryIssueTracker ownTracker() {
      return new InMemoryIssueTracker();
    }

    @Bean
    InMemoryNotifier ownNotifier() {
      return new InMemoryNotifier();
    }

    @Bean
    InMemoryFailedRunSource ownRuns() {
      return RUNS;
    }
  }

  @Test
  void should_back_off_and_use_the_embedders_tracker_notifier_and_run_source_when_it_defines_them() {
    OwnPorts.RUNS.add(Samples.databricksRun("7101", TIMEOUT));
    runner.withUserConfiguration(OwnPorts.class).withPropertyValues("rca.itsm.tool=jira",
        "rca.jira.domain=acme.atlassian.net", "rca.jira.api-token=t", "rca.jira.project-key=OPS").run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean("rcaJiraIssueTracker")
              .doesNotHaveBean("rcaSlackNotifier");
          assertThat(context.getBean(RcaAssistant.class).notifiers().all()).extracting(n -> n.name())
              .as("the application's notifier, not the log").containsExactly("own-notifier");
          RcaAssistant rca = context.getBean(RcaAssistant.class);

          IntakeResult intake = rca.receive(Source.DATABRICKS, Map.of(), webhook("7101"));
          Incident incident = awaitIncident(rca);

          assertThat(intake).isInstanceOf(IntakeResult.Accepted.class);
          assertThat(incident.ticket()).isPresent();
          assertThat(context.getBean(InMemoryIssueTracker.class).tickets()).singleElement()
              .satisfies(ticket -> assertThat(ticket.summary()).contains("etl_orders"));
          assertThat(context.getBean(InMemoryNotifier.class).sent()).hasSize(1);
        });
  }

  /** An application data source. */
  @Configuration(proxyBeanMethods = false)
  static class OwnDataSource {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      return pool();
    }
  }

  @Test
  void should_keep_incidents_in_the_applications_data_source_when_it_has_one() {
    runner.withUserConfiguration(OwnDataSource.class).run(context -> {
      assertThat(context).hasNotFailed();
      try (Connection connection = context.getBean(HikariDataSource.class).getConnection();
          ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        boolean migrated = false;
        while (tables.next()) {
          migrated |= tables.getString("TABLE_NAME").equalsIgnoreCase("incidents");
        }
        assertThat(migrated).as("the facade migrated the application's database").isTrue();
      }
    });
  }

  @Test
  void should_close_the_assistant_with_the_context() {
    runner.run(context -> {
      RcaAssistant rca = context.getBean(RcaAssistant.class);
      context.close();
      assertThat(rca.workers().alive()).isZero();
    });
  }
}
