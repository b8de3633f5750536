package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.gemini.LlmStub.Answer;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same adapter over langchain4j's Ollama model, against a loopback {@code /api/chat}. */
class OllamaRootCauseModelTest extends LlmStubTest {

  // As app-http builds it: no key, OLLAMA_BASE_URL is the server's root (http://localhost:11434 by default).
  @Override
  public LlmSettings settings(int attempts, Duration maxBackoff) {
    return LlmSettings.of(LlmProvider.OLLAMA, "").withBaseUrl(stub.baseUrl()).withRetries(attempts, maxBackoff);
  }

  @Override
  public Answer ok(String text, int inputTokens, int outputTokens) {
    return Answer.json(200, Map.of("model", "llama3.1", "created_at", "2026-11-27T06:00:00.000000Z",
        "message", Map.of("role", "assistant", "content", text), "done_reason", "stop", "done", true,
        "total_duration", 5_000_000_000L, "prompt_eval_count", inputTokens, "eval_count", outputTokens));
  }

  // Ollama itself queues rather than throttles; a gateway in front of it (or its cloud) answers 429 with Retry-After.
  @Override
  public Answer throttled(int seconds) {
    return error(429, "too many requests").withHeader("Retry-After", String.valueOf(seconds));
  }

  // What Ollama answers when more requests wait than OLLAMA_MAX_QUEUE allows.
  @Override
  public Answer unavailable() {
    return error(503, "server busy, please try again.  maximum pending requests exceeded");
  }

  @Override
  public Answer badRequest() {
    return modelNotFound();
  }

  // A local model has no content filter: the nearest is a model that answers nothing.
  @Override
  public Answer blocked() {
    return ok("", 10, 0);
  }

  private static Answer modelNotFound() {
    return error(404, "model \"llama3.1\" not found, try pulling it first");
  }

  private static Answer error(int status, String message) {
    return Answer.json(status, Map.of("error", message));
  }

  @Test
  void should_post_one_non_streaming_chat_with_the_schema_and_no_key_when_asked() {
    model(1, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules());

    LlmStub.Seen request = stub.seen().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/chat");
    assertThat(request.headers()).doesNotContainKey("authorization");
    JsonNode body = request.json();
    assertThat(body.path("model").asText()).isEqualTo("llama3.1");
    assertThat(body.path("stream").asBoolean(true)).isFalse();
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/0/content").asText()).contains("untrusted data");
    assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/1/content").asText()).contains(RcaPrompt.OPEN, "`prod`.`users` cannot be found");
    assertThat(body.at("/options/num_predict").asInt()).isEqualTo(1024);
    assertThat(body.at("/format/properties/category/enum").size()).isPositive();
  }

  @Test
  void should_fail_permanently_naming_the_model_setting_when_the_model_is_not_pulled() {
    stub.script(modelNotFound());

    assertThatThrownBy(() -> model(3, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()))
        .isInstanceOf(PermanentPortException.class).hasMessageContaining("HTTP 404")
        .hasMessageContaining("OLLAMA_MODEL").hasMessageContaining("model \"llama3.1\" not found");
    assertThat(stub.seen()).hasSize(1);
  }

  @Test
  void should_retry_transiently_when_the_runner_fails() {
    stub.script(error(500, "llama runner process has terminated: exit status 2"), ok(GOOD, 3, 4));

    assertThat(model(3, Duration.ofSeconds(30)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()).analyzer()).isEqualTo("model:ollama:llama3.1 tokens=3+4");
    assertThat(waits).hasSize(1);
  }

  @Test
  void should_fail_transiently_naming_the_base_url_setting_when_nothing_listens_there() {
    String gone = stub.baseUrl();
    stub.close();
    LlmSettings settings = LlmSettings.of(LlmProvider.OLLAMA, "").withBaseUrl(gone).withRetries(1, Duration.ZERO);

    assertThatThrownBy(() -> new LlmRootCauseModel(ChatModels.create(settings), settings, waits::add)
        .analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules()))
        .isInstanceOf(TransientPortException.class).hasMessageContaining("OLLAMA_BASE_URL");
  }
}
