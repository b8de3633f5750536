package dev.aiops.rca.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The starter in a whole Spring Boot application on a random port: a webhook over HTTP ends in an incident. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rca.api-key=webhook-key-0123456789abcdef", "rca.web.enabled=true"})
class RcaStarterApplicationTest {

  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";

  /** The application: auto-configuration only, with a run source and a notifier of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {
    @Bean
    InMemoryFailedRunSource runs() {
      InMemoryFailedRunSource runs = new InMemoryFailedRunSource(Source.DATABRICKS);
      runs.add(Samples.databricksRun("7401", TIMEOUT));
      return runs;
    }

    @Bean
    InMemoryNotifier notifier() {
      return new InMemoryNotifier();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  RcaAssistant rca;

  @Autowired
  InMemoryNotifier notifier;

  @Test
  void should_turn_a_webhook_posted_over_http_into_an_incident_and_a_message() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/rca/webhooks/databricks"))
        .header("Content-Type", "application/json").header("X-API-Key", "webhook-key-0123456789abcdef")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"event\":\"on_failure\",\"run_id\":7401,\"job_id\":42,\"job_name\":\"etl_orders\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    Instant deadline = Instant.now().plusSeconds(20);
    while (notifier.sent().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(rca.incidents().list(IncidentQuery.all(10))).singleElement()
        .satisfies(incident -> assertThat(incident.jobName()).isEqualTo("etl_orders"));
    assertThat(notifier.sent()).hasSize(1);
  }
}
