package dev.aiops.rca.adapter.gemini;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Set;

/**
 * Builds the vendor's langchain4j {@link ChatModel} from settings: the one class that names vendor classes, for
 * app-http to call. Every model is built with the library's own retries off, because {@link LlmRootCauseModel}
 * retries itself and honours the server's retry delay, which the library ignores.
 */
public final class ChatModels {

  private static final double TEMPERATURE = 0.1;

  private ChatModels() {}

  public static ChatModel create(LlmSettings settings) {
    Set<Capability> capabilities =
        settings.structuredOutput() ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
    switch (settings.provider()) {
      case GEMINI: {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder = GoogleAiGeminiChatModel.builder()
            .apiKey(settings.apiKey())
            .modelName(settings.modelName())
            .timeout(settings.timeout())
            .maxRetries(0)
            .temperature(TEMPERATURE)
            .maxOutputTokens(settings.maxOutputTokens())
            .supportedCapabilities(capabilities)
            // Request bodies are the job's logs: they are never logged by the library.
            .logRequests(false)
            .logResponses(false);
        settings.baseUrl().ifPresent(builder::baseUrl);
        return builder.build();
      }
      case OPENAI: {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
            .apiKey(settings.apiKey())
            .modelName(settings.modelName())
            .timeout(settings.timeout())
            .maxRetries(0)
            .temperature(TEMPERATURE)
            .maxTokens(settings.maxOutputTokens())
            .supportedCapabilities(capabilities)
            .strictJsonSchema(settings.structuredOutput())
            .logRequests(false)
            .logResponses(false);
        settings.baseUrl().ifPresent(builder::baseUrl);
        return builder.build();
      }
      case ANTHROPIC: {
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
            .apiKey(settings.apiKey())
            .modelName(settings.modelName())
            .timeout(settings.timeout())
            .maxRetries(0)
            .temperature(TEMPERATURE)
            .maxTokens(settings.maxOutputTokens())
            // Anthropic says how long to wait only in a header, which the library's client drops.
            .httpClientBuilder(RetryAfterHttpClient.builder())
            .logRequests(false)
            .logResponses(false);
        settings.baseUrl().ifPresent(builder::baseUrl);
        return builder.build();
      }
      case OLLAMA: {
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder();
        builder.modelName(settings.modelName())
            .baseUrl(settings.baseUrl().orElse("http://localhost:11434"))
            .timeout(settings.timeout())
            .temperature(TEMPERATURE)
            .numPredict(settings.maxOutputTokens())
            // Ollama takes the JSON schema as "format"; without the capability the schema was never sent.
            .supportedCapabilities(capabilities)
            .httpClientBuilder(RetryAfterHttpClient.builder())
            .logRequests(false)
            .logResponses(false);
        builder.maxRetries(0);
        return builder.build();
      }
      default:
        throw new IllegalArgumentException("unknown provider " + settings.provider());
    }
  }
}
