package dev.aiops.rca.adapter.gemini;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and use one chat model.
 *
 * @param provider the vendor
 * @param apiKey the vendor key; empty for Ollama
 * @param modelName the model, such as {@code gemini-2.5-flash}
 * @param baseUrl the vendor's address when not the default (a proxy, an OpenAI-compatible server, a stub)
 * @param timeout the longest one call may take
 * @param maxAttempts how many times a transient failure (429, 5xx, timeout) is tried in all
 * @param maxBackoff the longest wait between attempts; a server asking for longer ends the retries
 * @param inputTokenBudget the evidence is cut so that the prompt stays within this many input tokens
 * @param maxOutputTokens the longest answer
 * @param structuredOutput whether the JSON schema is sent as the vendor's structured-output setting; off for
 *     OpenAI-compatible servers that reject {@code response_format}
 */
public record LlmSettings(
    LlmProvider provider,
    String apiKey,
    String modelName,
    Optional<String> baseUrl,
    Duration timeout,
    int maxAttempts,
    Duration maxBackoff,
    int inputTokenBudget,
    int maxOutputTokens,
    boolean structuredOutput) {

  /** The default: 6,000 input tokens. */
  public static final int DEFAULT_INPUT_TOKEN_BUDGET = 6_000;

  public LlmSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (apiKey.isBlank() && provider != LlmProvider.OLLAMA) {
      throw new IllegalArgumentException("apiKey must not be blank for " + provider.id());
    }
    if (modelName.isBlank()) {
      throw new IllegalArgumentException("modelName must not be blank");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (maxBackoff.isNegative()) {
      throw new IllegalArgumentException("maxBackoff must not be negative");
    }
    if (inputTokenBudget < 1_000) {
      throw new IllegalArgumentException("inputTokenBudget must be at least 1000, was " + inputTokenBudget);
    }
    if (maxOutputTokens < 64) {
      throw new IllegalArgumentException("maxOutputTokens must be at least 64, was " + maxOutputTokens);
    }
  }

  /** The provider's default model, 60 s per call, 3 attempts, waits of at most 30 s, 6,000 input tokens. */
  public static LlmSettings of(LlmProvider provider, String apiKey) {
    return new LlmSettings(provider, apiKey, provider.defaultModel(), Optional.empty(), Duration.ofSeconds(60), 3,
        Duration.ofSeconds(30), DEFAULT_INPUT_TOKEN_BUDGET, 1_024, true);
  }

  public LlmSettings withModel(String model) {
    return new LlmSettings(provider, apiKey, model, baseUrl, timeout, maxAttempts, maxBackoff, inputTokenBudget,
        maxOutputTokens, structuredOutput);
  }

  public LlmSettings withBaseUrl(String url) {
    return new LlmSettings(provider, apiKey, modelName, Optional.of(url), timeout, maxAttempts, maxBackoff,
        inputTokenBudget, maxOutputTokens, structuredOutput);
  }

  public LlmSettings withRetries(int attempts, Duration backoff) {
    return new LlmSettings(provider, apiKey, modelName, baseUrl, timeout, attempts, backoff, inputTokenBudget,
        maxOutputTokens, structuredOutput);
  }

  public LlmSettings withInputTokenBudget(int tokens) {
    return new LlmSettings(provider, apiKey, modelName, baseUrl, timeout, maxAttempts, maxBackoff, tokens,
        maxOutputTokens, structuredOutput);
  }

  public LlmSettings withStructuredOutput(boolean on) {
    return new LlmSettings(provider, apiKey, modelName, baseUrl, timeout, maxAttempts, maxBackoff, inputTokenBudget,
        maxOutputTokens, on);
  }

  /** {@code provider:model}, as the cache and the analyzer string name it. */
  public String modelId() {
    return provider.id() + ":" + modelName;
  }

  // The key must never reach a log line or an exception message through toString().
  @Override
  public String toString() {
    return "LlmSettings[provider=" + provider.id() + ", apiKey=" + (apiKey.isEmpty() ? "" : "****") + ", modelName="
        + modelName + ", baseUrl=" + baseUrl.orElse("(default)") + ", timeout=" + timeout + ", maxAttempts="
        + maxAttempts + ", maxBackoff=" + maxBackoff + ", inputTokenBudget=" + inputTokenBudget
        + ", maxOutputTokens=" + maxOutputTokens + ", structuredOutput=" + structuredOutput + "]";
  }
}
