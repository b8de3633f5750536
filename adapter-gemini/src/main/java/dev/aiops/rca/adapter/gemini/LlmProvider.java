package dev.aiops.rca.adapter.gemini;

import java.util.Locale;

/** The vendors a root-cause model can be built on; "none" (rules only) is app-http's choice not to build one. */
public enum LlmProvider {
  GEMINI("gemini-2.5-flash"),
  /** OpenAI, or any server that speaks its chat completions API (through a base URL). */
  OPENAI("gpt-4o-mini"),
  ANTHROPIC("claude-3-5-haiku-latest"),
  /** A local model served by Ollama; no key. */
  OLLAMA("llama3.1");

  private final String defaultModel;

  LlmProvider(String defaultModel) {
    this.defaultModel = defaultModel;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The lower-case name used in configuration and in the analyzer string. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
