package dev.aiops.rca.app;

import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inbox list} and {@code inbox replay}, run as a user runs them beside a {@code serve} that holds the
 * embedded H2 file: the packaged jar twice, in two processes, on one data folder.
 */
class InboxWhileServingIT {

  private static final String API_KEY = "inbox-while-serving-key-0123456789";
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void should_list_and_replay_deliveries_through_the_running_service_while_it_holds_the_h2_file(
      @TempDir Path workDir) throws Exception {
    int port = PackagedJar.freePort();
    // A metric alert names no run, and no Data Factory is configured to search its window: a dead letter.
    String alert = fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json");
    Process serve = PackagedJar.start(workDir, port, API_KEY, "serve.log", "serve", "--host", "127.0.0.1");
    try {
      PackagedJar.awaitReady(client, port);
      HttpResponse<String> stored = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/webhooks/adf")).header("X-API-Key", API_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(stored.statusCode()).isEqualTo(202);
      String delivery = stored.body().replaceAll(".*\"delivery\":\"([^\"]+)\".*", "$1");
      String dead = awaitOutput(workDir, port, delivery + "  DEAD", "inbox", "list", "--dead");

      Run replay = run(workDir, port, "inbox", "replay", delivery);

      assertThat(dead).contains("is not configured to search its runs");
      assertThat(replay.exit()).as(replay.output()).isZero();
      assertThat(replay.output()).contains("the database is in use", "replayed " + delivery + ": now PENDING");
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** What a command printed and how it ended. */
  private record Run(int exit, String output) {}

  private String awaitOutput(Path workDir, int port, String expected, String... command) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      Run run = run(workDir, port, command);
      if (run.exit() == 0 && run.output().contains(expected)) {
        return run.output();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + expected + "' within 60 s; last output (exit " + run.exit() + "): "
            + run.output());
      }
      Thread.sleep(500);
    }
  }

  private static Run run(Path workDir, int port, String... command) throws Exception {
    String log = "cli-" + System.nanoTime() + ".log";
    Process process = PackagedJar.start(workDir, port, API_KEY, log, command);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(workDir.resolve(log), StandardCharsets.UTF_8));
  }
}
