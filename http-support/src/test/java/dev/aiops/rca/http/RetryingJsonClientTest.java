package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryingJsonClientTest {

  /** A server that answers from a script, then with 200 {"ok":true}. */
  static final class Stub extends LoopbackStub {
    record Answer(int status, String body, Map<String, String> headers) implements Reply {}

    final ScriptedReplies<Answer> script = new ScriptedReplies<>();
    final List<Request> seen = new CopyOnWriteArrayList<>();

    Stub then(int status, String body, Map<String, String> headers) {
      script.add("", List.of(new Answer(status, body, headers)));
      return this;
    }

    @Override
    protected Reply answer(Request request) {
      seen.add(request);
      Answer next = script.next("");
      return next != null ? next : new Answer(200, "{\"ok\":true}", Map.of());
    }
  }

  private final Stub stub = new Stub();
  private final List<Duration> waits = new ArrayList<>();
  private final ErrorMapper errors = ErrorMapper.of(
      (status, body, headers) -> HttpFailures.isThrottled(status) || HttpFailures.isServerFailure(status)
          ? new TransientPortException("failed " + status, null, RetryAfter.from(headers))
          : new PermanentPortException("rejected " + status),
      e -> new TransientPortException("unreachable", e),
      body -> new PermanentPortException("not json: " + HttpFailures.excerpt(body)));

  @AfterEach
  void close() {
    stub.close();
  }

  private RetryingJsonClient client(int maxAttempts) {
    HttpTransport transport = new HttpTransport(HttpClient.newHttpClient(), waits::add);
    return new RetryingJsonClient("test", transport,
        new RetryPolicy(Duration.ofSeconds(5), maxAttempts, Duration.ofSeconds(30)));
  }

  private JsonNode get(RetryingJsonClient client, Authorization authorization) {
    return client.send("read", HttpRequest.newBuilder(stub.uri()).GET(), true, authorization, errors);
  }

  private JsonNode post(RetryingJsonClient client) {
    return client.send("write", HttpRequest.newBuilder(stub.uri()).POST(HttpRequest.BodyPublishers.ofString("{}")),
        false, () -> "Bearer t", errors);
  }

  @Test
  void should_send_no_authorization_header_when_the_credential_travels_elsewhere() {
    get(client(1), Authorization.none());

    assertThat(stub.seen).singleElement()
        .satisfies(request -> assertThat(request.headers()).doesNotContainKey("authorization"));
  }

  @Test
  void should_take_any_2xx_as_delivered_when_the_answer_is_not_json_and_still_retry_a_throttled_post() {
    stub.then(429, "", Map.of()).then(200, "1", Map.of());

    client(3).deliver("post", HttpRequest.newBuilder(stub.uri()).POST(HttpRequest.BodyPublishers.ofString("{}")),
        false, Authorization.none(), errors);

    assertThat(stub.seen).hasSize(2);
  }

  @Test
  void should_refuse_an_answer_that_is_not_json_when_sent_for_json() {
    stub.then(200, "1", Map.of());

    assertThatThrownBy(() -> get(client(1), Authorization.none())).isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("not json");
  }

  @Test
  void should_retry_a_transient_failure_then_answer_with_the_json() {
    stub.then(503, "{}", Map.of());

    JsonNode answer = get(client(3), () -> "Bearer t");

    assertThat(answer.path("ok").asBoolean()).isTrue();
    assertThat(stub.seen).hasSize(2);
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(stub.seen.get(0).headers()).containsEntry("accept", "application/json")
        .containsEntry("authorization", "Bearer t");
  }

  @Test
  void should_stop_at_once_on_a_permanent_failure() {
    stub.then(400, "{}", Map.of());

    assertThatThrownBy(() -> get(client(3), () -> "Bearer t"))
        .isInstanceOf(PermanentPortException.class).hasMessage("rejected 400");
    assertThat(stub.seen).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void should_give_up_after_the_last_attempt() {
    stub.then(500, "", Map.of()).then(502, "", Map.of()).then(504, "", Map.of()).then(500, "", Map.of());

    assertThatThrownBy(() -> get(client(3), () -> "Bearer t"))
        .isInstanceOf(TransientPortException.class).hasMessage("failed 504");
    assertThat(stub.seen).hasSize(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void should_wait_as_long_as_the_server_asks_within_the_policy() {
    stub.then(429, "", Map.of("Retry-After", "7")).then(429, "", Map.of("Retry-After", "120"));

    get(client(3), () -> "Bearer t");

    assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
  }

  @Test
  void should_resend_a_write_only_when_the_server_did_not_act_on_it() {
    stub.then(429, "", Map.of("Retry-After", "1"));
    assertThat(post(client(3)).path("ok").asBoolean()).isTrue();

    stub.then(500, "", Map.of());
    assertThatThrownBy(() -> post(client(3))).isInstanceOf(TransientPortException.class);
    assertThat(stub.seen).hasSize(3);
  }

  @Test
  void should_renew_a_refused_credential_once_without_using_an_attempt() {
    stub.then(401, "", Map.of()).then(401, "", Map.of());
    List<String> refused = new ArrayList<>();
    Authorization renewable = Authorization.renewableBearer(() -> "tok-" + refused.size(), refused::add);

    assertThatThrownBy(() -> get(client(1), renewable)).isInstanceOf(PermanentPortException.class)
        .hasMessage("rejected 401");
    assertThat(refused).containsExactly("tok-0");
    assertThat(stub.seen).extracting(s -> s.headers().get("authorization"))
        .containsExactly("Bearer tok-0", "Bearer tok-1");
  }

  @Test
  void should_read_an_empty_answer_as_an_empty_object_and_refuse_what_is_not_json() {
    stub.then(204, "", Map.of()).then(200, "<html>Sign in</html>", Map.of());
    RetryingJsonClient client = client(3);

    assertThat(get(client, () -> "Bearer t").isEmpty()).isTrue();
    assertThatThrownBy(() -> get(client, () -> "Bearer t")).isInstanceOf(PermanentPortException.class)
        .hasMessage("not json: Sign in");
  }

  @Test
  void should_map_a_transport_failure() {
    RetryingJsonClient client = client(2);
    stub.uri();
    stub.close();

    PortException failure = catchThrowableOfType(PortException.class, () -> get(client, () -> "Bearer t"));

    assertThat(failure).isInstanceOf(TransientPortException.class).hasMessage("unreachable");
    assertThat(waits).hasSize(1);
  }
}
