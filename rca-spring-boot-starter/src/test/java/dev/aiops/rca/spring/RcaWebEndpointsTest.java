package dev.aiops.rca.spring;

import static dev.aiops.rca.spring.RcaAutoConfigurationTest.API_KEY;
import static dev.aiops.rca.spring.RcaAutoConfigurationTest.OPERATOR_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The webhook and API endpoints in a Spring MVC application: on and off, the base path, the keys. */
class RcaWebEndpointsTest {

  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RcaAutoConfiguration.class, WebMvcAutoConfiguration.class,
          DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
          JacksonAutoConfiguration.class))
      .withPropertyValues("rca.api-key=" + API_KEY, "rca.operator-key=" + OPERATOR_KEY);

  /** A run source of the application's own, so that a webhook ends in an incident without a platform. */
  @Configuration(proxyBeanMethods = false)
  static class Runs {
    static final InMemoryFailedRunSource RUNS = new InMemoryFailedRunSource(Source.DATABRICKS);

    @Bean
    InMemoryFailedRunSource runs() {
      return RUNS;
    }

    @Bean
    InMemoryNotifier notifier() {
      return new InMemoryNotifier();
    }
  }

  private static MvcResult call(WebApplicationContext context, MockHttpServletRequestBuilder request)
      throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
    return mvc.perform(request).andReturn();
  }

  private static MockHttpServletRequestBuilder webhook(String path, String key, String body) {
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
        .contentType(MediaType.APPLICATION_JSON).content(body);
    return key == null ? request : request.header("X-API-Key", key);
  }

  @Test
  void should_take_a_webhook_and_answer_202_with_its_delivery_when_the_endpoints_are_on() {
    Runs.RUNS.add(Samples.databricksRun("7201", TIMEOUT));
    runner.withUserConfiguration(Runs.class).withPropertyValues("rca.web.enabled=true").run(context -> {
      MvcResult answer = call(context, webhook("/rca/webhooks/databricks", API_KEY,
          RcaAutoConfigurationTest.webhook("7201")));

      assertThat(answer.getResponse().getStatus()).isEqualTo(202);
      assertThat(answer.getResponse().getContentAsString()).contains("\"status\":\"accepted\"", "\"delivery\":");
      Incident incident = RcaAutoConfigurationTest.awaitIncident(context.getBean(RcaAssistant.class));
      MvcResult list = call(context, MockMvcRequestBuilders.get("/rca/api/incidents").header("X-API-Key", API_KEY));
      assertThat(list.getResponse().getStatus()).isEqualTo(200);
      assertThat(list.getResponse().getContentAsString()).contains("\"id\":" + incident.id().value(),
          "\"jobName\":\"etl_orders\"", "\"status\":\"OPEN\"");
      MvcResult one = call(context, MockMvcRequestBuilders.get("/rca/api/incidents/" + incident.id().value())
          .header("X-API-Key", API_KEY));
      assertThat(one.getResponse().getContentAsString()).contains("\"auditTrail\":[{");
    });
  }

  @Test
  void should_answer_400_with_the_reason_when_a_webhook_is_not_usable() {
    runner.withPropertyValues("rca.web.enabled=true").run(context -> {
      MvcResult answer = call(context, webhook("/rca/webhooks/databricks", API_KEY, "{not json"));

      assertThat(answer.getResponse().getStatus()).isEqualTo(400);
      assertThat(answer.getResponse().getContentAsString()).contains("\"error\":\"invalid_webhook\"");
    });
  }

  @Test
  void should_refuse_413_a_body_over_the_limit_without_storing_it() {
    runner.withPropertyValues("rca.web.enabled=true").run(context -> {
      String huge = "{\"pad\":\"" + "x".repeat(RcaController.MAX_BODY_BYTES) + "\"}";

      MvcResult answer = call(context, webhook("/rca/webhooks/databricks", API_KEY, huge));

      assertThat(answer.getResponse().getStatus()).isEqualTo(413);
      assertThat(answer.getResponse().getContentAsString()).contains("\"error\":\"too_large\"");
      assertThat(context.getBean(RcaAssistant.class).deliveries().counts().values())
          .allSatisfy(count -> assertThat(count).isZero());
    });
  }

  /** The application's pool, closed by the test to play a database outage. */
  @Configuration(proxyBeanMethods = false)
  static class Pool {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      return RcaAutoConfigurationTest.pool();
    }
  }

  @Test
  void should_answer_503_with_retry_after_when_the_store_is_down() {
    runner.withUserConfiguration(Pool.class).withPropertyValues("rca.web.enabled=true").run(context -> {
      context.getBean(HikariDataSource.class).close();

      MvcResult answer = call(context, webhook("/rca/webhooks/databricks", API_KEY,
          RcaAutoConfigurationTest.webhook("7203")));

      assertThat(answer.getResponse().getStatus()).isEqualTo(503);
      assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("2");
      assertThat(answer.getResponse().getContentAsString()).contains("\"error\":\"store_unavailable\"");
    });
  }

  @Test
  void should_serve_nothing_when_the_endpoints_are_off() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(RcaController.class);
      assertThat(call(context, webhook("/rca/webhooks/databricks", API_KEY, "{}")).getResponse().getStatus())
          .isEqualTo(404);
    });
  }

  @Test
  void should_serve_under_the_configured_base_path() {
    runner.withPropertyValues("rca.web.enabled=true", "rca.web.base-path=/ops/rca").run(context -> {
      assertThat(call(context, MockMvcRequestBuilders.get("/ops/rca/api/incidents").header("X-API-Key", API_KEY))
          .getResponse().getStatus()).isEqualTo(200);
      assertThat(call(context, MockMvcRequestBuilders.get("/rca/api/incidents").header("X-API-Key", API_KEY))
          .getResponse().getStatus()).isEqualTo(404);
    });
  }

  @Test
  void should_refuse_401_without_the_key_or_with_a_wrong_one() {
    runner.withPropertyValues("rca.web.enabled=true").run(context -> {
      MvcResult none = call(context, webhook("/rca/webhooks/databricks", null, "{}"));
      MvcResult wrong = call(context, MockMvcRequestBuilders.get("/rca/api/incidents")
          .header("X-API-Key", API_KEY.replace('w', 'x')));

      assertThat(none.getResponse().getStatus()).isEqualTo(401);
      assertThat(none.getResponse().getContentAsString()).contains("\"error\":\"unauthorized\"");
      assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
    });
  }

  @Test
  void should_refuse_403_when_the_webhook_key_tries_an_operators_action() {
    runner.withPropertyValues("rca.web.enabled=true").run(context -> {
      MvcResult resolve = call(context, MockMvcRequestBuilders.post("/rca/api/incidents/1/resolve")
          .header("X-API-Key", API_KEY));
      MvcResult approve = call(context, MockMvcRequestBuilders
          .post("/rca/api/incidents/1/remediations/repair_failed_tasks/approve").header("X-API-Key", API_KEY));

      assertThat(resolve.getResponse().getStatus()).isEqualTo(403);
      assertThat(resolve.getResponse().getContentAsString()).contains("rca.operator-key");
      assertThat(approve.getResponse().getStatus()).isEqualTo(403);
    });
  }

  @Test
  void should_let_the_operator_key_resolve_an_incident() {
    Runs.RUNS.add(Samples.databricksRun("7202", TIMEOUT));
    runner.withUserConfiguration(Runs.class).withPropertyValues("rca.web.enabled=true").run(context -> {
      call(context, webhook("/rca/webhooks/databricks", API_KEY, RcaAutoConfigurationTest.webhook("7202")));
      Incident incident = RcaAutoConfigurationTest.awaitIncident(context.getBean(RcaAssistant.class));

      MvcResult resolved = call(context, MockMvcRequestBuilders.post("/rca/api/incidents/" + incident.id().value()
          + "/resolve").header("X-API-Key", OPERATOR_KEY));
      MvcResult missing = call(context, MockMvcRequestBuilders.post("/rca/api/incidents/999999/resolve")
          .header("X-API-Key", OPERATOR_KEY));

      assertThat(resolved.getResponse().getStatus()).isEqualTo(200);
      assertThat(resolved.getResponse().getContentAsString()).contains("\"status\":\"RESOLVED\"",
          "\"changed\":true");
      assertThat(missing.getResponse().getStatus()).isEqualTo(404);
    });
  }
}
