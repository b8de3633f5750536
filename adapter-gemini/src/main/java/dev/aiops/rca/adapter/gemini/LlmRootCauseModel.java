package dev.aiops.rca.adapter.gemini;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Classification;
import dev.aiops.rca.domain.ClassificationLayer;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.out.RootCauseModel;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root-cause model on langchain4j's {@link ChatModel}: Gemini by default, any vendor by the model handed in.
 * Sends the versioned prompt with the answer's JSON schema (as structured output where the model supports it),
 * validates the answer, records token usage in the analyzer string, and retries transient failures itself,
 * honouring the vendor's retry delay.
 *
 * <p>The answer is data: it can change the explanation (category, summary, advice to people), never what the service
 * does; remediation is chosen by the core policy from the rules' category. Thread-safe.
 */
public final class LlmRootCauseModel implements RootCauseModel {

  private static final Logger LOG = LoggerFactory.getLogger(LlmRootCauseModel.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  private final ChatModel chatModel;
  private final LlmSettings settings;
  private final Sleeper sleeper;
  private final RcaPrompt prompt;
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();

  LlmRootCauseModel(ChatModel chatModel, LlmSettings settings, Sleeper sleeper) {
    this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.prompt = new RcaPrompt(settings.inputTokenBudget());
  }

  /** The model of the settings' provider, built by {@link ChatModels}. */
  public static LlmRootCauseModel create(LlmSettings settings) {
    return new LlmRootCauseModel(ChatModels.create(settings), settings, Sleeper.THREAD);
  }

  /** Over a chat model built elsewhere (app-http); build it with the library's retries off. */
  public static LlmRootCauseModel over(ChatModel chatModel, LlmSettings settings) {
    return new LlmRootCauseModel(chatModel, settings, Sleeper.THREAD);
  }

  /**
   * Sends a one-line prompt, to check the key and the model name before they are saved (the {@code setup} command).
   *
   * @throws dev.aiops.rca.port.PortException when the provider refuses or cannot be reached
   */
  public void verifyAccess() {
    try {
      chatModel.chat("Reply with the single word OK.");
    } catch (RuntimeException e) {
      throw LlmErrors.map(settings.provider().id(), e, settings.apiKey());
    }
  }

  /** {@code provider:model}, for the cache key. */
  public String modelId() {
    return settings.modelId();
  }

  /** The prompt's version, for the cache key. */
  public String promptVersion() {
    return RcaPrompt.VERSION;
  }

  /** Input tokens spent since start, for metrics. */
  public long inputTokensUsed() {
    return inputTokens.get();
  }

  /** Output tokens spent since start, for metrics. */
  public long outputTokensUsed() {
    return outputTokens.get();
  }

  @Override
  public RootCauseAnalysis analyze(FailedRun run, RootCauseAnalysis rulesResult) {
    RcaPrompt.Rendered rendered = prompt.render(run, rulesResult);
    ChatRequest request = request(rendered);
    LOG.trace("prompt for {}: {}", run.event().run(), rendered.user());
    ChatResponse response = call(request, run);
    try {
      String text = response.aiMessage() == null ? null : response.aiMessage().text();
      LOG.trace("answer for {}: {}", run.event().run(), text);
      RcaAnswer answer = RcaAnswer.parse(text);
      TokenUsage usage = response.tokenUsage();
      int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
      inputTokens.addAndGet(in);
      outputTokens.addAndGet(out);
      return toAnalysis(answer, rulesResult, in, out);
    } catch (RuntimeException e) {
      throw LlmErrors.map(settings.provider().id(), e, settings.apiKey());
    }
  }

  private ChatRequest request(RcaPrompt.Rendered rendered) {
    ChatRequest.Builder builder = ChatRequest.builder()
        .messages(SystemMessage.from(rendered.system()), UserMessage.from(rendered.user()));
    // Structured output only where the model says it can: otherwise the library refuses the request, and the
    // prompt already describes the JSON, which is validated either way.
    if (settings.structuredOutput()
        && chatModel.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)) {
      builder.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
          .jsonSchema(RcaPrompt.schema()).build());
    }
    return builder.build();
  }

  private ChatResponse call(ChatRequest request, FailedRun run) {
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      try {
        ChatResponse response = chatModel.chat(request);
        LOG.debug("{} answered for {} in {} ms (attempt {})", settings.modelId(), run.event().run(),
            (System.nanoTime() - started) / 1_000_000, attempt);
        return response;
      } catch (RuntimeException e) {
        PortException mapped = LlmErrors.map(settings.provider().id(), e, settings.apiKey());
        LOG.debug("{} failed for {} in {} ms (attempt {}): {}", settings.modelId(), run.event().run(),
            (System.nanoTime() - started) / 1_000_000, attempt, mapped.getMessage());
        if (!mapped.isTransient() || attempt >= settings.maxAttempts()) {
          throw mapped;
        }
        Optional<Duration> asked = ((TransientPortException) mapped).retryAfter();
        Duration wait = asked.isPresent() ? asked.get() : backoff(attempt);
        if (wait.compareTo(settings.maxBackoff()) > 0) {
          // The vendor asks for longer than a pipeline should hold a failure: keep the rules' analysis instead.
          throw mapped;
        }
        pause(wait);
      }
    }
  }

  private Duration backoff(int attempt) {
    long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
    long jittered = base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
    return Duration.ofMillis(Math.min(jittered, settings.maxBackoff().toMillis()));
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientPortException("interrupted while waiting to retry " + settings.modelId(), e);
    }
  }

  // The rules' verbatim line, task and entities stay: they are what the signature and the people rely on.
  private RootCauseAnalysis toAnalysis(RcaAnswer answer, RootCauseAnalysis rules, int in, int out) {
    EnumSet<AnalysisFlag> flags = EnumSet.noneOf(AnalysisFlag.class);
    flags.addAll(rules.flags());
    flags.remove(AnalysisFlag.INSUFFICIENT_EVIDENCE);
    if (answer.insufficientEvidence()) {
      flags.add(AnalysisFlag.INSUFFICIENT_EVIDENCE);
    }
    String line = rules.rootCauseLine().isBlank() && !answer.insufficientEvidence()
        ? answer.rootCause() : rules.rootCauseLine();
    String summary = answer.rootCause().equals(line) || answer.insufficientEvidence()
        ? answer.summary() : "Root cause: " + answer.rootCause() + "\n" + answer.summary();
    String analyzer = analyzer(in, out);
    Classification classification = answer.category() == rules.category() ? rules.classification()
        : new Classification(ClassificationLayer.MODEL, analyzer);
    return new RootCauseAnalysis(answer.category(), line, rules.failedTask(), summary, rules.evidence(),
        answer.actions(), rules.entities(), answer.confidence(), analyzer, classification, flags);
  }

  /** {@code model:gemini:gemini-2.5-flash tokens=812+143}: the model, then input and output tokens of this call. */
  private String analyzer(int in, int out) {
    return "model:" + settings.modelId() + " tokens=" + in + "+" + out;
  }

  /** Waits between attempts; tests hand in one that records instead. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }
}
