package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.FACTORY;
import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.http.RecordingStub.Answer;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of answer ARM gives, and the port exception it becomes. */
class AdfErrorsTest {

  private static final String RUN = AdfFailedRunSourceTest.RUN;
  private static final String RUN_PATH = FACTORY + "/pipelineruns/" + RUN;
  private static final String CREATE_RUN = FACTORY + "/pipelines/pl_sales_daily/createRun";

  private final AdfStub stub = new AdfStub().pipelineRun(RUN, fixture("pipelinerun-get-failed.json"));

  @AfterEach
  void stop() {
    stub.close();
  }

  private AdfRuns runs(int attempts, Duration timeout) {
    AdfSettings base = stub.settings();
    return AdfStub.runs(new AdfSettings(base.subscriptionId(), base.resourceGroup(), base.factoryName(),
        base.credentials(), base.authorityHost(), base.managementUrl(), timeout, attempts, Duration.ofSeconds(2),
        base.costTagKeys()), Clock.systemUTC());
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(AdfStub.recorded("arm-error-400-adf-cloud-error.json"), PermanentPortException.class,
            "BadRequest: Filter operand 'RunGroupId'"),
        Arguments.of(Answer.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The "
            + "access token is invalid.\"}}"), PermanentPortException.class, "AZURE_CLIENT_SECRET"),
        Arguments.of(AdfStub.recorded("arm-error-403-authorizationfailed.json"), PermanentPortException.class,
            "Data Factory Contributor role on factory adf-sales-prod"),
        Arguments.of(AdfStub.recorded("arm-error-403-authorizationfailed.json"), PermanentPortException.class,
            "lacks the action Microsoft.DataFactory/factories/pipelineruns/read"),
        Arguments.of(Answer.json(404, "{\"error\":{\"code\":\"PipelineRunNotFound\",\"message\":\"gone\"}}"),
            PermanentPortException.class, "pipeline run not found"),
        Arguments.of(Answer.json(404, "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource "
            + "group 'rg-data-prod' could not be found.\"}}"), PermanentPortException.class, "ADF_RESOURCE_GROUP"),
        Arguments.of(AdfStub.recorded("arm-error-429-throttled.json"), TransientPortException.class,
            "TooManyRequests"),
        Arguments.of(Answer.json(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}"),
            TransientPortException.class, "HTTP 500 InternalServerError"),
        Arguments.of(new Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
            Map.of("Content-Type", "text/html"), Duration.ZERO), TransientPortException.class, "502 Bad Gateway"),
        Arguments.of(Answer.json(409, "conflict, not json"), PermanentPortException.class, "conflict, not json"),
        Arguments.of(new Answer(302, "", Map.of("Location", "https://elsewhere.example"), Duration.ZERO),
            PermanentPortException.class, "AZURE_MANAGEMENT_URL"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("answers")
  void should_map_the_answer_to_a_port_exception_that_says_what_to_do(
      Answer answer, Class<? extends PortException> expected, String mentioned) {
    // 401 is retried once with a fresh token; the second answer is the one mapped.
    stub.script(RUN_PATH, answer, answer);

    assertThatThrownBy(() -> runs(1, Duration.ofSeconds(2)).getPipelineRun(RUN))
        .isInstanceOf(expected)
        .hasMessageContaining(mentioned)
        .hasMessageNotContaining("sp-client-secret-value")
        .hasMessageNotContaining("eyJ0eXAi");
  }

  @Test
  void should_carry_the_wait_arm_asked_for_when_throttled() {
    stub.script(RUN_PATH, AdfStub.recorded("arm-error-429-throttled.json"));

    assertThatThrownBy(() -> runs(1, Duration.ofSeconds(2)).getPipelineRun(RUN))
        .isInstanceOfSatisfying(TransientPortException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(23)));
  }

  @Test
  void should_retry_after_the_seconds_arm_asked_for_when_throttled() {
    stub.script(RUN_PATH, new Answer(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}",
        Map.of("Retry-After", "1"), Duration.ZERO));

    assertThat(runs(3, Duration.ofSeconds(2)).getPipelineRun(RUN).path("runId").asText()).isEqualTo(RUN);

    List<AdfStub.Seen> calls = stub.seen(RUN_PATH);
    assertThat(calls).hasSize(2);
    Duration waited = Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos());
    assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
  }

  @Test
  void should_give_up_with_a_transient_failure_when_every_attempt_fails() {
    stub.script(RUN_PATH, Answer.json(500, "{}"), Answer.json(502, "{}"), Answer.json(503, "{}"));

    assertThatThrownBy(() -> runs(3, Duration.ofSeconds(2)).getPipelineRun(RUN))
        .isInstanceOf(TransientPortException.class);
    assertThat(stub.seen(RUN_PATH)).hasSize(3);
  }

  @Test
  void should_not_retry_when_the_answer_is_permanent() {
    stub.script(RUN_PATH, AdfStub.recorded("arm-error-403-authorizationfailed.json"));

    assertThatThrownBy(() -> runs(3, Duration.ofSeconds(2)).getPipelineRun(RUN))
        .isInstanceOf(PermanentPortException.class);
    assertThat(stub.seen(RUN_PATH)).hasSize(1);
  }

  @Test
  void should_fail_transiently_when_arm_does_not_answer_in_time() {
    stub.script(RUN_PATH, new Answer(200, "{}", Map.of(), Duration.ofSeconds(2)));

    assertThatThrownBy(() -> runs(1, Duration.ofMillis(300)).getPipelineRun(RUN))
        .isInstanceOf(TransientPortException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void should_refuse_a_page_that_is_not_json_although_the_status_is_200() {
    stub.script(RUN_PATH, new Answer(200, "<html>Sign in to your account</html>", Map.of("Content-Type",
        "text/html"), Duration.ZERO));

    assertThatThrownBy(() -> runs(1, Duration.ofSeconds(2)).getPipelineRun(RUN))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("Sign in to your account");
  }

  @Test
  void should_resend_a_query_but_not_a_create_run_when_arm_fails_with_500() {
    stub.activityRuns(RUN, fixture("activityruns-query-failed-copy.json"))
        .script(FACTORY + "/pipelineruns/" + RUN + "/queryActivityruns", Answer.json(500, "{}"))
        .script(CREATE_RUN, Answer.json(500, "{}"));
    AdfRuns runs = runs(3, Duration.ofSeconds(2));

    assertThat(runs.queryActivityRuns(RUN, java.time.Instant.EPOCH, java.time.Instant.EPOCH)).hasSize(3);
    assertThatThrownBy(() -> runs.createRecoveryRun("pl_sales_daily", RUN))
        .isInstanceOf(TransientPortException.class);
    assertThat(stub.seen(CREATE_RUN)).hasSize(1);
  }

  @Test
  void should_resend_a_create_run_that_arm_throttled_because_it_did_not_act_on_it() {
    stub.script(CREATE_RUN, new Answer(429, "{}", Map.of("Retry-After", "0"), Duration.ZERO));

    assertThat(runs(3, Duration.ofSeconds(2)).createRecoveryRun("pl_sales_daily", RUN))
        .isEqualTo("e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8");
    assertThat(stub.seen(CREATE_RUN)).hasSize(2);
  }

  @Test
  void should_fetch_a_fresh_token_once_when_arm_refuses_the_cached_one() {
    stub.script(RUN_PATH, Answer.json(401, "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"x\"}}"));

    runs(1, Duration.ofSeconds(2)).getPipelineRun(RUN);

    assertThat(stub.seen(AdfStub.TOKEN_PATH)).hasSize(2);
    assertThat(stub.seen(RUN_PATH)).hasSize(2);
  }
}
