package dev.aiops.rca.adapter.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LlmSettingsTest {

  @Test
  void should_hide_the_key_when_printed() {
    assertThat(LlmSettings.of(LlmProvider.GEMINI, "AIza-secret").toString()).doesNotContain("AIza-secret")
        .contains("apiKey=****", "gemini-2.5-flash", "inputTokenBudget=6000");
  }

  @Test
  void should_refuse_a_missing_key_when_the_vendor_needs_one() {
    assertThatThrownBy(() -> LlmSettings.of(LlmProvider.OPENAI, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    assertThat(LlmSettings.of(LlmProvider.OLLAMA, "").modelId()).isEqualTo("ollama:llama3.1");
  }

  @ParameterizedTest
  @EnumSource(LlmProvider.class)
  void should_build_a_chat_model_for_every_provider_when_asked(LlmProvider provider) {
    ChatModel model = ChatModels.create(LlmSettings.of(provider, "k-123").withBaseUrl("http://127.0.0.1:9/v1"));

    assertThat(model).isNotNull();
  }
}
