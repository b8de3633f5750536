package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.port.PortException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LlmErrorsTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new RateLimitException("quota"), true),
        Arguments.of(new TimeoutException("slow"), true),
        Arguments.of(new InternalServerException("boom"), true),
        Arguments.of(new RuntimeException(new ConnectException("refused")), true),
        Arguments.of(new RuntimeException("wrapped", new HttpException(503, "busy")), true),
        Arguments.of(new InvalidRequestException("bad"), false),
        Arguments.of(new AuthenticationException("who"), false),
        Arguments.of(new ModelNotFoundException("gone"), false),
        Arguments.of(new RuntimeException("wrapped", new HttpException(400, "bad")), false),
        Arguments.of(new NullPointerException("candidates() is null"), false),
        Arguments.of(new IllegalStateException("odd"), false),
        Arguments.of(new RcaAnswer.InvalidAnswer("not JSON"), false));
  }

  @ParameterizedTest(name = "{0} -> transient {1}")
  @MethodSource("failures")
  void should_say_whether_a_retry_may_help_when_a_call_fails(RuntimeException failure, boolean transientFailure) {
    PortException mapped = LlmErrors.map("gemini", failure, "k-123456");

    assertThat(mapped.isTransient()).isEqualTo(transientFailure);
    assertThat(mapped.getCause()).isSameAs(failure);
  }

  @Test
  void should_read_the_delay_from_retry_info_or_from_prose_when_the_vendor_gives_one() {
    assertThat(LlmErrors.retryDelay("{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\": \"15s\"}"))
        .contains(Duration.ofSeconds(15));
    assertThat(LlmErrors.retryDelay("\"retryDelay\":\"0.5s\"")).contains(Duration.ofMillis(500));
    assertThat(LlmErrors.retryDelay("Please try again in 350ms.")).contains(Duration.ofMillis(350));
    assertThat(LlmErrors.retryDelay("Please try again in 1.5s.")).contains(Duration.ofMillis(1500));
    assertThat(LlmErrors.retryDelay("no hint")).isEmpty();
  }

  @Test
  void should_never_repeat_the_key_when_the_vendor_echoes_it() {
    PortException mapped = LlmErrors.map("openai",
        new AuthenticationException("{\"error\":{\"message\":\"Incorrect API key provided: sk-secret-key-1\"}}"),
        "sk-secret-key-1");

    assertThat(mapped.getMessage()).doesNotContain("sk-secret-key-1").contains("Incorrect API key provided: ****");
  }

  @Test
  void should_keep_an_io_failure_transient_when_it_is_deep_in_the_causes() {
    assertThat(LlmErrors.map("gemini", new RuntimeException(new RuntimeException(new IOException("reset"))), "")
        .isTransient()).isTrue();
  }
}
