package dev.aiops.rca.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example started on a random port with a Databricks workspace on loopback that answers runs/get and
 * runs/get-output with recorded fixtures: a failure webhook posted to /rca/webhooks/databricks ends in an incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationTest {

  private static final String API_KEY = "example-key-0123456789abcdef";
  private static final HttpServer DATABRICKS = databricks();

  private static HttpServer databricks() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        String fixture = path.endsWith("/jobs/runs/get") ? "runs-get-multitask-failed.json"
            : path.endsWith("/jobs/runs/get-output") ? "runs-get-output-notebook-table-not-found.json" : null;
        byte[] body = fixture == null
            ? "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"not in this stub\"}"
                .getBytes(StandardCharsets.UTF_8)
            : fixture(fixture).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fixture == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fixture(String name) {
    try (InputStream in = ExampleApplicationTest.class.getResourceAsStream("/databricks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("rca.api-key", () -> API_KEY);
    registry.add("rca.databricks.host", () -> "http://127.0.0.1:" + DATABRICKS.getAddress().getPort());
    registry.add("rca.databricks.token", () -> "dapi-example-token-0123456789");
  }

  @AfterAll
  static void stopDatabricks() {
    DATABRICKS.stop(0);
  }

  @LocalServerPort
  int port;

  @Autowired
  RcaAssistant rca;

  @Test
  void should_turn_a_databricks_failure_webhook_into_an_incident() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/rca/webhooks/databricks"))
        .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(fixture("webhook-job-failure.json"))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    List<Incident> incidents = List.of();
    Instant deadline = Instant.now().plusSeconds(30);
    while (incidents.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      incidents = rca.incidents().list(IncidentQuery.all(10));
    }
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.jobName()).isEqualTo("A multitask job");
      assertThat(incident.analysis().summary()).containsIgnoringCase("table");
    });
  }

  @Test
  void should_refuse_a_webhook_without_the_key() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/rca/webhooks/databricks"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
  }
}
