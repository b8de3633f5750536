package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.gemini.LlmStub.Answer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same adapter over langchain4j's OpenAI model, against a loopback OpenAI-compatible server: the swap. */
class OpenAiCompatibleRootCauseModelTest extends LlmStubTest {

  @Override
  public LlmSettings settings(int attempts, Duration maxBackoff) {
    return LlmSettings.of(LlmProvider.OPENAI, KEY).withModel("local-llama").withBaseUrl(stub.baseUrl() + "/v1")
        .withRetries(attempts, maxBackoff);
  }

  @Override
  public Answer ok(String text, int inputTokens, int outputTokens) {
    Map<String, Object> message = new HashMap<>();
    message.put("role", "assistant");
    message.put("content", text);
    return completion(message, "stop", inputTokens, outputTokens);
  }

  @Override
  public Answer throttled(int seconds) {
    return Answer.json(429, "{\"error\":{\"message\":\"Rate limit reached for local-llama in organization org-1 on "
        + "requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in " + seconds + "s.\",\"type\":"
        + "\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
  }

  @Override
  public Answer unavailable() {
    return Answer.json(503, "{\"error\":{\"message\":\"The server is overloaded or not ready yet.\",\"type\":"
        + "\"server_error\",\"param\":null,\"code\":null}}");
  }

  @Override
  public Answer badRequest() {
    return Answer.json(400, "{\"error\":{\"message\":\"Invalid schema for response_format 'RootCauseAnswer'\","
        + "\"type\":\"invalid_request_error\",\"param\":\"response_format\",\"code\":null}}");
  }

  @Override
  public Answer blocked() {
    Map<String, Object> message = new HashMap<>();
    message.put("role", "assistant");
    message.put("content", null);
    return completion(message, "content_filter", 10, 0);
  }

  private static Answer completion(Map<String, Object> message, String finish, int in, int out) {
    return Answer.json(200, Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1_700_000_000,
        "model", "local-llama",
        "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finish)),
        "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
  }

  @Test
  void should_send_one_short_prompt_with_the_key_when_access_is_verified() {
    model(1, Duration.ofSeconds(1)).verifyAccess();

    assertThat(stub.seen()).hasSize(1);
    assertThat(stub.seen().get(0).headers()).containsEntry("authorization", "Bearer " + KEY);
    assertThat(stub.seen().get(0).json().at("/messages/0/content").asText()).contains("OK");
  }

  @Test
  void should_fail_the_access_check_without_showing_the_key_when_the_key_is_refused() {
    stub.script(Answer.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\","
        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> model(1, Duration.ofSeconds(1)).verifyAccess())
        .isInstanceOf(dev.aiops.rca.port.PermanentPortException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  @Test
  void should_send_chat_completions_with_the_json_schema_and_a_bearer_key_when_asked() {
    model(1, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules());

    LlmStub.Seen request = stub.seen().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.headers()).containsEntry("authorization", "Bearer " + KEY);
    JsonNode body = request.json();
    assertThat(body.path("model").asText()).isEqualTo("local-llama");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/1/content").asText()).contains(RcaPrompt.OPEN, "`prod`.`users` cannot be found");
    assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
    assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
    assertThat(body.at("/response_format/json_schema/schema/properties/category/enum").size()).isPositive();
  }

  @Test
  void should_leave_out_the_response_format_when_structured_output_is_off_for_a_server_without_it() {
    LlmSettings settings = settings(1, Duration.ofSeconds(1)).withStructuredOutput(false);
    new LlmRootCauseModel(ChatModels.create(settings), settings, waits::add)
        .analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules());

    assertThat(stub.seen().get(0).json().has("response_format")).isFalse();
  }
}
