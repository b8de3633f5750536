package dev.aiops.rca.core.model;

import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.ErrorSignature;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.out.RootCauseModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the model once per (error signature, model, prompt version): later failures with the same signature get the
 * stored answer flagged {@link AnalysisFlag#CACHED}, and concurrent identical requests wait for the one call in
 * flight instead of making their own. Failures and fallbacks are never stored, so the next failure asks again.
 *
 * <p>Thread-safe. The store is bounded and forgets the least recently used entry first.
 */
public final class CachingRootCauseModel implements RootCauseModel {

  /** What an answer is stored under. */
  record Key(ErrorSignature signature, String model, String promptVersion) {
    Key {
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(promptVersion, "promptVersion");
    }
  }

  private final RootCauseModel delegate;
  private final String model;
  private final String promptVersion;
  private final SignatureCalculator signatures;
  private final Map<Key, RootCauseAnalysis> answers;
  private final ConcurrentHashMap<Key, CompletableFuture<RootCauseAnalysis>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param delegate the model to ask on a miss
   * @param model the model's identity, such as {@code gemini:gemini-2.5-flash}: another model is another key
   * @param promptVersion the prompt's version: a new prompt is another key
   * @param maxEntries how many answers are kept
   */
  public CachingRootCauseModel(RootCauseModel delegate, String model, String promptVersion, int maxEntries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.model = requireText(model, "model");
    this.promptVersion = requireText(promptVersion, "promptVersion");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    this.signatures = new SignatureCalculator();
    this.answers = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, RootCauseAnalysis> eldest) {
        return size() > maxEntries;
      }
    };
  }

  @Override
  public RootCauseAnalysis analyze(FailedRun run, RootCauseAnalysis rulesResult) {
    // The key comes from the rules' result, never from the model's, like the incident's own signature.
    Key key = new Key(signatures.signatureOf(run, rulesResult), model, promptVersion);
    RootCauseAnalysis stored = stored(key);
    if (stored != null) {
      return hit(stored);
    }
    CompletableFuture<RootCauseAnalysis> mine = new CompletableFuture<>();
    CompletableFuture<RootCauseAnalysis> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      RootCauseAnalysis shared = await(running);
      return cacheable(shared) ? hit(shared) : shared;
    }
    try {
      // Another thread may have stored the answer between the look-up and the claim.
      stored = stored(key);
      if (stored != null) {
        mine.complete(stored);
        return hit(stored);
      }
      calls.incrementAndGet();
      RootCauseAnalysis answer = delegate.analyze(run, rulesResult);
      if (cacheable(answer)) {
        synchronized (answers) {
          answers.put(key, answer);
        }
      }
      mine.complete(answer);
      return answer;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** How many analyses were answered without a model call. */
  public long hits() {
    return hits.get();
  }

  /** How many times the model was asked. */
  public long calls() {
    return calls.get();
  }

  private RootCauseAnalysis stored(Key key) {
    synchronized (answers) {
      return answers.get(key);
    }
  }

  private RootCauseAnalysis hit(RootCauseAnalysis answer) {
    hits.incrementAndGet();
    return answer.withFlag(AnalysisFlag.CACHED);
  }

  private static boolean cacheable(RootCauseAnalysis answer) {
    return !answer.has(AnalysisFlag.MODEL_FALLBACK) && !answer.has(AnalysisFlag.CACHED);
  }

  // Waiters share the outcome of the call they waited for, failure included: the failure is not stored, so the
  // next request after it asks the model again.
  private static RootCauseAnalysis await(CompletableFuture<RootCauseAnalysis> running) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientPortException("interrupted while waiting for the model's answer", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new TransientPortException("the model call failed", cause);
    }
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
