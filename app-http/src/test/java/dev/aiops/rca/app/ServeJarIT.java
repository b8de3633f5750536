package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar starts {@code serve} on its embedded defaults, answers readiness and metrics, and logs JSON. */
class ServeJarIT {

  @Test
  void should_answer_ready_when_the_jar_serves_on_embedded_defaults(@TempDir Path workDir) throws Exception {
    Path jar = Path.of("target", "rca-assistant.jar").toAbsolutePath();
    assertThat(jar).exists();
    int port = freePort();
    Path log = workDir.resolve("serve.log");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "serve",
        "--host", "127.0.0.1")
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("RCA_PORT", Integer.toString(port));
    builder.environment().put("RCA_DATA_DIR", workDir.resolve("data").toString());
    builder.environment().put("RCA_API_KEY", "it-secret-key-0123456789abc");
    builder.environment().put("RCA_LOG_FORMAT", "json");
    Process process = builder.start();
    try {
      HttpResponse<String> ready = awaitReady(port, Duration.ofSeconds(60));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("READY");
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body())
          .contains("rca_inbox_workers_alive 2.0", "rca_inbox_deliveries{status=\"pending\"} 0.0");
    } finally {
      process.destroy();
      process.waitFor();
    }
    String output = Files.readString(log);
    // JSON lines: logback's encoder writes "/" as "\/", so the message is read back through a JSON parser.
    assertThat(output.lines().filter(line -> line.contains("\"formattedMessage\":\"ready on http")))
        .singleElement().satisfies(line -> {
          JsonNode json = new ObjectMapper().readTree(line);
          assertThat(json.path("level").asText()).isEqualTo("INFO");
          assertThat(json.path("formattedMessage").asText()).contains("ready on http://127.0.0.1:" + port);
        });
    assertThat(output).doesNotContain("it-secret-key-0123456789abc");
  }

  private static HttpResponse<String> awaitReady(int port, Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
        .timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the service did not answer within " + timeout, notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
