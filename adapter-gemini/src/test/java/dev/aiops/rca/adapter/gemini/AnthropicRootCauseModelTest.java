package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.gemini.LlmStub.Answer;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same adapter over langchain4j's Anthropic model, against a loopback Messages API. */
class AnthropicRootCauseModelTest extends LlmStubTest {

  // As app-http builds it from ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL; the public API's base ends in /v1.
  @Override
  public LlmSettings settings(int attempts, Duration maxBackoff) {
    return LlmSettings.of(LlmProvider.ANTHROPIC, KEY).withBaseUrl(stub.baseUrl() + "/v1")
        .withRetries(attempts, maxBackoff);
  }

  @Override
  public Answer ok(String text, int inputTokens, int outputTokens) {
    return message(List.of(Map.of("type", "text", "text", text)), "end_turn", inputTokens, outputTokens);
  }

  // Anthropic says how long to wait in the retry-after header only; the body names the limit.
  @Override
  public Answer throttled(int seconds) {
    return error(429, "rate_limit_error", "This request would exceed your organization's rate limit of 50 requests "
        + "per minute.").withHeader("retry-after", String.valueOf(seconds));
  }

  @Override
  public Answer unavailable() {
    return error(529, "overloaded_error", "Overloaded");
  }

  @Override
  public Answer badRequest() {
    return error(401, "authentication_error", "invalid x-api-key");
  }

  // A refusal is a 200 with stop_reason "refusal" and nothing to read.
  @Override
  public Answer blocked() {
    return message(List.of(), "refusal", 10, 0);
  }

  private static Answer message(List<Map<String, String>> content, String stop, int in, int out) {
    return Answer.json(200, Map.of("id", "msg_01", "type", "message", "role", "assistant", "content", content,
        "model", "claude-3-5-haiku-latest", "stop_reason", stop,
        "usage", Map.of("input_tokens", in, "output_tokens", out)));
  }

  private static Answer error(int status, String type, String message) {
    return Answer.json(status, Map.of("type", "error", "error", Map.of("type", type, "message", message)));
  }

  @Test
  void should_send_the_messages_shape_with_the_key_in_its_header_when_asked() {
    model(1, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules());

    LlmStub.Seen request = stub.seen().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.headers()).containsEntry("x-api-key", KEY).containsKey("anthropic-version")
        .doesNotContainKey("authorization");
    assertThat(request.body()).doesNotContain(KEY);
    JsonNode body = request.json();
    assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    assertThat(body.path("stream").asBoolean(false)).isFalse();
    assertThat(body.path("system").toString()).contains("untrusted data", "insufficient evidence");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/0/content").toString())
        .contains(RcaPrompt.OPEN, "`prod`.`users` cannot be found", "etl_orders");
  }

  @Test
  void should_fail_permanently_naming_the_key_setting_when_the_key_is_refused() {
    stub.script(badRequest());

    assertThatThrownBy(() -> model(3, Duration.ofSeconds(1)).verifyAccess())
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("ANTHROPIC_API_KEY")
        .hasMessageContaining("invalid x-api-key");
    assertThat(stub.seen()).hasSize(1);
  }

  @Test
  void should_retry_transiently_when_anthropic_is_overloaded() {
    stub.script(unavailable(), ok(GOOD, 3, 4));

    assertThat(model(3, Duration.ofSeconds(30)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()).analyzer()).isEqualTo("model:anthropic:claude-3-5-haiku-latest tokens=3+4");
    assertThat(waits).hasSize(1);
  }

  @Test
  void should_say_overloaded_and_that_it_may_pass_when_overloaded_to_the_end() {
    stub.script(unavailable());

    assertThatThrownBy(() -> model(1, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()))
        .isInstanceOf(TransientPortException.class).hasMessageContaining("HTTP 529").hasMessageContaining("Overloaded");
  }
}
