package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar on its embedded H2 file keeps incidents and run claims across a restart. */
class ServeRestartIT {

  private static final String WEBHOOK = "{\"event\":\"on_failure\",\"run_id\":31337,\"job_id\":42,"
      + "\"job_name\":\"etl_orders\",\"error_message\":\"AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] "
      + "The table or view `prod`.`users` cannot be found.\"}";

  private final HttpClient client = HttpClient.newHttpClient();

  private static final String API_KEY = "restart-test-key-0123456789";

  @Test
  void should_keep_the_incident_and_its_claim_when_the_service_restarts(@TempDir Path workDir) throws Exception {
    int port = PackagedJar.freePort();
    Process first = PackagedJar.start(workDir, port, API_KEY, "first.log", "serve", "--host", "127.0.0.1");
    String incidents;
    try {
      PackagedJar.awaitReady(client, port);
      HttpResponse<String> accepted = post(port, WEBHOOK);
      assertThat(accepted.statusCode()).isEqualTo(202);
      assertThat(accepted.body()).contains("accepted");
      incidents = awaitTicketedIncident(port);
    } finally {
      first.destroy(); // SIGTERM: the graceful path
      first.waitFor();
    }

    Process second = PackagedJar.start(workDir, port, API_KEY, "second.log", "serve", "--host", "127.0.0.1");
    try {
      PackagedJar.awaitReady(client, port);
      assertThat(get(port, "/api/incidents").body()).isEqualTo(incidents);
      HttpResponse<String> again = post(port, WEBHOOK);
      assertThat(again.statusCode()).isEqualTo(202);
      assertThat(again.body()).contains("duplicate");
      assertThat(get(port, "/api/incidents").body()).isEqualTo(incidents);
    } finally {
      second.destroy();
      second.waitFor();
    }
    assertThat(incidents).contains("\"jobName\":\"etl_orders\"", "\"ticketKey\":\"RCA-1\"", "\"occurrences\":1");
  }

  private String awaitTicketedIncident(int port) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      String body = get(port, "/api/incidents").body();
      if (body.contains("\"ticketKey\":\"RCA-") && get(port, "/api/incidents/1").body().contains("\"channel\"")) {
        return body;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no ticketed incident within 30 s: " + body);
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", API_KEY)
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/databricks"))
            .header("X-API-Key", API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
