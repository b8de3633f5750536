package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.http.RecordingStub.Answer;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of answer the Jobs API gives, and the port exception it becomes. */
class DatabricksErrorsTest {

  private static final String RUNS_GET = "/api/2.2/jobs/runs/get";

  private final DatabricksStub stub = new DatabricksStub()
      .run("455644833", fixture("runs-get-multitask-failed.json"));

  @AfterEach
  void stop() {
    stub.close();
  }

  private DatabricksJobs jobs(int attempts, Duration timeout) {
    return DatabricksFailedRunSourceTest.jobs(new DatabricksSettings(stub.uri(),
        new DatabricksCredentials.PersonalAccessToken("dapi-secret-value"), timeout, attempts, Duration.ofSeconds(2)));
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(400, fixture("error-400-invalid-parameter-value-spec.json"), PermanentPortException.class,
            "INVALID_PARAMETER_VALUE"),
        Arguments.of(400, fixture("error-404-resource-does-not-exist.json"), PermanentPortException.class,
            "removed 60 days"),
        Arguments.of(401, fixture("error-401-unauthorized-spec.json"), PermanentPortException.class,
            "DATABRICKS_TOKEN"),
        Arguments.of(403, fixture("error-403-invalid-access-token.json"), PermanentPortException.class,
            "403: Invalid access token."),
        Arguments.of(403, fixture("error-403-permission-denied.json"), PermanentPortException.class,
            "PERMISSION_DENIED"),
        Arguments.of(404, fixture("error-404-with-details-sdk-test.json"), PermanentPortException.class,
            "no such resource"),
        Arguments.of(429, fixture("error-429-request-limit-exceeded.json"), TransientPortException.class,
            "REQUEST_LIMIT_EXCEEDED"),
        Arguments.of(500, fixture("error-500-internal-error.json"), TransientPortException.class, "HTTP 500"),
        Arguments.of(503, "<pre>Worker environment not ready</pre>", TransientPortException.class,
            "Worker environment not ready"),
        Arguments.of(400, "MALFORMED_REQUEST: bad run id", PermanentPortException.class, "MALFORMED_REQUEST"),
        Arguments.of(302, "", PermanentPortException.class, "DATABRICKS_HOST"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("answers")
  void should_map_the_answer_to_a_port_exception_that_says_what_to_do(
      int status, String body, Class<? extends PortException> expected, String mentioned) {
    stub.script(RUNS_GET, Answer.json(status, body));

    assertThatThrownBy(() -> jobs(1, Duration.ofSeconds(2)).getRun("455644833"))
        .isInstanceOf(expected)
        .hasMessageContaining(mentioned)
        .hasMessageNotContaining("dapi-secret-value");
  }

  @Test
  void should_retry_after_the_seconds_the_workspace_asked_for_when_throttled() {
    stub.script(RUNS_GET, new Answer(429, fixture("error-429-request-limit-exceeded.json"),
        Map.of("Retry-After", "1"), Duration.ZERO));

    assertThat(jobs(3, Duration.ofSeconds(2)).getRun("455644833").path("run_id").asText()).isEqualTo("455644833");

    var calls = stub.seen(RUNS_GET);
    assertThat(calls).hasSize(2);
    Duration waited = Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos());
    assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
  }

  @Test
  void should_give_up_with_a_transient_failure_when_every_attempt_fails() {
    stub.script(RUNS_GET, Answer.json(500, "{}"), Answer.json(502, "{}"), Answer.json(503, "{}"));

    assertThatThrownBy(() -> jobs(3, Duration.ofSeconds(2)).getRun("455644833"))
        .isInstanceOf(TransientPortException.class);
    assertThat(stub.seen(RUNS_GET)).hasSize(3);
  }

  @Test
  void should_not_retry_when_the_answer_is_permanent() {
    stub.script(RUNS_GET, Answer.json(403, fixture("error-403-permission-denied.json")));

    assertThatThrownBy(() -> jobs(3, Duration.ofSeconds(2)).getRun("455644833"))
        .isInstanceOf(PermanentPortException.class);
    assertThat(stub.seen(RUNS_GET)).hasSize(1);
  }

  @Test
  void should_fail_transiently_when_the_workspace_does_not_answer_in_time() {
    stub.script(RUNS_GET, new Answer(200, "{}", Map.of(), Duration.ofSeconds(2)));

    assertThatThrownBy(() -> jobs(1, Duration.ofMillis(300)).getRun("455644833"))
        .isInstanceOf(TransientPortException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void should_refuse_a_login_page_answered_with_200() {
    stub.script(RUNS_GET, new Answer(200, "<html>login.html?error=private-link-validation-error</html>",
        Map.of("Content-Type", "text/html"), Duration.ZERO));

    assertThatThrownBy(() -> jobs(1, Duration.ofSeconds(2)).getRun("455644833"))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void should_resend_a_repair_only_when_the_workspace_did_not_act_on_it() {
    stub.script("/api/2.2/jobs/runs/repair", Answer.json(500, "{}"));

    assertThatThrownBy(() -> jobs(3, Duration.ofSeconds(2)).repair("455644833", java.util.List.of("transform"),
        java.util.OptionalLong.empty())).isInstanceOf(TransientPortException.class);
    assertThat(stub.seen("/api/2.2/jobs/runs/repair")).hasSize(1);
  }
}
