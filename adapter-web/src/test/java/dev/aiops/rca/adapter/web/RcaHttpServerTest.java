package dev.aiops.rca.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.query.QueryIncidentsService;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RcaHttpServerTest {

  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final RcaHttpServer server = new RcaHttpServer("127.0.0.1", 0,
      new QueryIncidentsService(incidents, incidents, incidents)).start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_answer_live_and_ready_when_started() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("READY");
    assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void should_answer_not_ready_when_the_store_cannot_be_reached() throws Exception {
    incidents.failures().failAlways(() -> new TransientPortException("connection refused"));

    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("store_unavailable");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void should_answer_404_with_a_reason_when_the_path_is_unknown() throws Exception {
    HttpResponse<String> response = get("/no/such/thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("not_found", "/no/such/thing");
  }
}
