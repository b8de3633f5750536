package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
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
    int port = freePort();
    Process first = serve(workDir, port, "first.log");
    String incidents;
    try {
      awaitReady(port);
      HttpResponse<String> accepted = post(port, WEBHOOK);
      assertThat(accepted.statusCode()).isEqualTo(202);
      assertThat(accepted.body()).contains("accepted");
      incidents = awaitTicketedIncident(port);
    } finally {
      first.destroy(); // SIGTERM: the graceful path
      first.waitFor();
    }

    Process second = serve(workDir, port, "second.log");
    try {
      awaitReady(port);
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

  private static Process serve(Path workDir, int port, String log) throws IOException {
    Path jar = Path.of("target", "rca-assistant.jar").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "serve",
        "--host", "127.0.0.1")
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(log).toFile());
    builder.environment().put("RCA_PORT", Integer.toString(port));
    builder.environment().put("RCA_API_KEY", API_KEY);
    builder.environment().put("RCA_DATA_DIR", workDir.resolve("data").toString());
    builder.environment().remove("RCA_DB_URL");
    return builder.start();
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

  private void awaitReady(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        if (get(port, "/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the service did not become ready within 60 s");
      }
      Thread.sleep(200);
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
