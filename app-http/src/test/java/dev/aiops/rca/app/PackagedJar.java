package dev.aiops.rca.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar run as a user runs it: a process on a data folder, on the embedded H2 file. */
final class PackagedJar {

  /** The operator key every process gets, so that {@code inbox replay} may replay through the service. */
  static final String OPERATOR_KEY = "packaged-jar-operator-key-0123456789";

  private PackagedJar() {}

  /** Runs {@code command} (such as {@code serve}) with its output in {@code log} under {@code workDir}. */
  static Process start(Path workDir, int port, String apiKey, String log, String... command) throws IOException {
    Path jar = Path.of("target", "rca-assistant.jar").toAbsolutePath();
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve(log).toFile());
    builder.environment().put("RCA_PORT", Integer.toString(port));
    builder.environment().put("RCA_API_KEY", apiKey);
    builder.environment().put("RCA_OPERATOR_KEY", OPERATOR_KEY);
    builder.environment().put("RCA_DATA_DIR", workDir.resolve("data").toString());
    builder.environment().remove("RCA_DB_URL");
    return builder.start();
  }

  /** Waits until the service on {@code port} answers {@code /health/ready} with 200. */
  static void awaitReady(HttpClient client, int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
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

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
