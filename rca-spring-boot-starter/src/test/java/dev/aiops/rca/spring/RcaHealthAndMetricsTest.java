package dev.aiops.rca.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.Samples;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The actuator health indicator and the Micrometer gauges, read from a real assistant and its store. */
class RcaHealthAndMetricsTest {

  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RcaAutoConfiguration.class));

  /** The application's pool, and a run source of its own. */
  @Configuration(proxyBeanMethods = false)
  static class Parts {
    static final InMemoryFailedRunSource RUNS = new InMemoryFailedRunSource(Source.DATABRICKS);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      return RcaAutoConfigurationTest.pool();
    }

    @Bean
    InMemoryFailedRunSource runs() {
      return RUNS;
    }

    @Bean
    InMemoryNotifier notifier() {
      return new InMemoryNotifier();
    }
  }

  /** Keeps the workers idle, so that a delivery stays pending until the test starts them. */
  @Configuration(proxyBeanMethods = false)
  static class IdleWorkers {
    @Bean
    SmartLifecycle rcaAssistantLifecycle() {
      return new SmartLifecycle() {
        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public boolean isRunning() {
          return false;
        }
      };
    }
  }

  @Test
  void should_report_up_with_the_inbox_counts_and_the_workers_alive() {
    runner.withUserConfiguration(Parts.class).run(context -> {
      Health health = context.getBean("rcaHealthIndicator", HealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("workers.alive", 2).containsEntry("workers", 2)
          .containsEntry("inbox.pending", 0L).containsEntry("inbox.dead", 0L);
    });
  }

  @Test
  void should_report_down_when_the_store_cannot_be_read() {
    runner.withUserConfiguration(Parts.class).run(context -> {
      context.getBean(HikariDataSource.class).close();

      Health health = context.getBean("rcaHealthIndicator", HealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    });
  }

  @Test
  void should_report_down_when_started_workers_are_not_running() {
    runner.withUserConfiguration(Parts.class, IdleWorkers.class).run(context -> {
      RcaAssistant rca = context.getBean(RcaAssistant.class);

      Health notStarted = context.getBean("rcaHealthIndicator", HealthIndicator.class).health();
      Health died = new RcaHealthIndicator(rca, () -> true).health();

      assertThat(notStarted.getStatus()).isEqualTo(Status.UP);
      assertThat(died.getStatus()).isEqualTo(Status.DOWN);
      assertThat(died.getDetails()).containsEntry("reason", "2 of 2 inbox workers died");
    });
  }

  @Test
  void should_gauge_pending_deliveries_and_open_incidents_from_the_store() {
    Parts.RUNS.add(Samples.databricksRun("7301", TIMEOUT));
    runner.withUserConfiguration(Parts.class, IdleWorkers.class).run(context -> {
      MeterRegistry registry = new SimpleMeterRegistry();
      context.getBean("rcaMeterBinder", MeterBinder.class).bindTo(registry);
      RcaAssistant rca = context.getBean(RcaAssistant.class);

      rca.receive(Source.DATABRICKS, Map.of(), RcaAutoConfigurationTest.webhook("7301"));
      double pending = registry.get("rca.inbox.deliveries").tag("status", "pending").gauge().value();
      double openBefore = registry.get("rca.incidents.open").gauge().value();
      rca.start();
      RcaAutoConfigurationTest.awaitIncident(rca);

      assertThat(pending).isEqualTo(1.0);
      assertThat(openBefore).isZero();
      assertThat(registry.get("rca.incidents.open").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get("rca.inbox.deliveries").tag("status", "dead").gauge().value()).isZero();
    });
  }
}
