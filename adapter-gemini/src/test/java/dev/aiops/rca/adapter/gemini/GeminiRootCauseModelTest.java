package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.adapter.gemini.LlmStub.Answer;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.port.PermanentPortException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter over langchain4j's Gemini model against a loopback generateContent stub. */
class GeminiRootCauseModelTest extends LlmStubTest {

  @Override
  public LlmSettings settings(int attempts, Duration maxBackoff) {
    return LlmSettings.of(LlmProvider.GEMINI, KEY).withBaseUrl(stub.baseUrl() + "/v1beta")
        .withRetries(attempts, maxBackoff);
  }

  @Override
  public Answer ok(String text, int inputTokens, int outputTokens) {
    return Answer.json(200, Map.of(
        "candidates", List.of(Map.of("content", Map.of("parts", List.of(Map.of("text", text)), "role", "model"),
            "finishReason", "STOP", "index", 0)),
        "usageMetadata", Map.of("promptTokenCount", inputTokens, "candidatesTokenCount", outputTokens,
            "totalTokenCount", inputTokens + outputTokens),
        "modelVersion", "gemini-2.5-flash", "responseId", "r-1"));
  }

  @Override
  public Answer throttled(int seconds) {
    return Answer.json(429, "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check "
        + "your plan and billing details.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaMetric\":"
        + "\"generativelanguage.googleapis.com/generate_content_free_tier_requests\",\"quotaId\":"
        + "\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]},{\"@type\":"
        + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + seconds + "s\"}]}}");
  }

  @Override
  public Answer unavailable() {
    return Answer.json(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again "
        + "later.\",\"status\":\"UNAVAILABLE\"}}");
  }

  @Override
  public Answer badRequest() {
    return Answer.json(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API "
        + "key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc."
        + "ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}");
  }

  @Override
  public Answer blocked() {
    return Answer.json(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":"
        + "{\"promptTokenCount\":10,\"totalTokenCount\":10},\"modelVersion\":\"gemini-2.5-flash\"}");
  }

  @Test
  void should_send_the_generate_content_shape_with_the_schema_and_the_key_in_its_header_when_asked() {
    model(1, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(), LlmRootCauseModelContract.rules());

    LlmStub.Seen request = stub.seen().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.headers()).containsEntry("x-goog-api-key", KEY);
    assertThat(request.body()).doesNotContain(KEY);
    JsonNode body = request.json();
    assertThat(body.at("/contents/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/contents/0/parts/0/text").asText())
        .contains(RcaPrompt.OPEN, RcaPrompt.CLOSE, "`prod`.`users` cannot be found", "etl_orders");
    assertThat(body.at("/systemInstruction/parts/0/text").asText())
        .contains("untrusted data", "insufficient evidence", "TABLE_OR_VIEW_NOT_FOUND, COLUMN_NOT_FOUND");
    JsonNode config = body.path("generationConfig");
    assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(config.at("/responseSchema/properties/category/enum")).hasSize(Category.values().length);
    assertThat(config.at("/responseSchema/required").toString()).contains("rootCause", "confidence");
    assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(1024);
  }

  @Test
  void should_fail_permanently_instead_of_crashing_when_the_answer_has_no_usage_metadata() {
    stub.script(Answer.json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + quote(GOOD)
        + "}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}"));

    assertThatThrownBy(() -> model(3, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()))
        .isInstanceOf(PermanentPortException.class);
    assertThat(stub.seen()).hasSize(1);
  }

  @Test
  void should_fail_permanently_when_the_answer_has_no_candidates() {
    stub.script(Answer.json(200, "{\"usageMetadata\":{\"promptTokenCount\":3,\"totalTokenCount\":3}}"));

    assertThatThrownBy(() -> model(3, Duration.ofSeconds(1)).analyze(LlmRootCauseModelContract.run(),
        LlmRootCauseModelContract.rules()))
        .isInstanceOf(PermanentPortException.class);
  }

  @Test
  void should_name_the_model_and_the_prompt_version_for_the_cache_when_asked() {
    LlmRootCauseModel model = model(1, Duration.ofSeconds(1));

    assertThat(model.modelId()).isEqualTo("gemini:gemini-2.5-flash");
    assertThat(model.promptVersion()).isEqualTo("rca-v1");
  }

  private static String quote(String text) {
    try {
      return LlmStub.JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
