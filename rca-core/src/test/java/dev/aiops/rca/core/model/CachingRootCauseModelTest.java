package dev.aiops.rca.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.out.RootCauseModel;
import dev.aiops.rca.testkit.RootCauseModelContract;
import dev.aiops.rca.testkit.Samples;
import dev.aiops.rca.testkit.ScriptedRootCauseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingRootCauseModelTest implements RootCauseModelContract {

  private static final List<String> WORDS = List.of(
      "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet");

  @Override
  public RootCauseModel subject() {
    return new CachingRootCauseModel(new ScriptedRootCauseModel(), "scripted", "rca-v1", 100);
  }

  /** A model that counts its calls, answers after a pause, and fails while told to. */
  private static final class CountingModel implements RootCauseModel {
    final AtomicInteger calls = new AtomicInteger();
    volatile int failuresLeft;
    volatile long pauseMillis;

    @Override
    public RootCauseAnalysis analyze(FailedRun run, RootCauseAnalysis rulesResult) {
      calls.incrementAndGet();
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new TransientPortException("429 from the vendor");
      }
      return new RootCauseAnalysis(rulesResult.category(), rulesResult.rootCauseLine(), rulesResult.failedTask(),
          "model says " + rulesResult.rootCauseLine(), rulesResult.evidence(), rulesResult.recommendedActions(),
          List.of(), 0.9, "model:counting", rulesResult.classification(), Set.of());
    }
  }

  private final CountingModel counting = new CountingModel();

  private static RootCauseAnalysis rules(String word) {
    return Samples.analysis(Category.TABLE_OR_VIEW_NOT_FOUND, "[TABLE_OR_VIEW_NOT_FOUND] table " + word);
  }

  @Test
  void should_call_the_model_at_most_once_per_signature_when_a_storm_of_failures_arrives_from_many_threads()
      throws Exception {
    counting.pauseMillis = 20;
    CachingRootCauseModel cache = new CachingRootCauseModel(counting, "gemini:gemini-2.5-flash", "rca-v1", 100);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RootCauseAnalysis>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 1_000; i++) {
        String word = WORDS.get(i % WORDS.size());
        String runId = String.valueOf(1000 + i);
        answers.add(pool.submit(() -> {
          start.await();
          return cache.analyze(Samples.databricksRun(runId, "table " + word), rules(word));
        }));
      }
      start.countDown();
      for (Future<RootCauseAnalysis> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS).analyzer()).isEqualTo("model:counting");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counting.calls.get()).isLessThanOrEqualTo(10);
    assertThat(cache.calls()).isEqualTo(counting.calls.get());
    assertThat(cache.hits()).isEqualTo(1_000 - counting.calls.get());
    long flagged = answers.stream().map(CachingRootCauseModelTest::join).filter(a -> a.has(AnalysisFlag.CACHED))
        .count();
    assertThat(flagged).isEqualTo(cache.hits());
  }

  @Test
  void should_mark_the_answer_cached_when_the_signature_was_answered_before() {
    CachingRootCauseModel cache = new CachingRootCauseModel(counting, "m", "rca-v1", 10);

    RootCauseAnalysis first = cache.analyze(Samples.databricksRun("1", "table alpha"), rules("alpha"));
    RootCauseAnalysis second = cache.analyze(Samples.databricksRun("2", "table alpha"), rules("alpha"));

    assertThat(first.has(AnalysisFlag.CACHED)).isFalse();
    assertThat(second.has(AnalysisFlag.CACHED)).isTrue();
    assertThat(second.summary()).isEqualTo(first.summary());
    assertThat(counting.calls.get()).isEqualTo(1);
  }

  @Test
  void should_ask_again_when_the_model_or_the_prompt_version_differs() {
    CachingRootCauseModel v1 = new CachingRootCauseModel(counting, "m", "rca-v1", 10);
    CachingRootCauseModel v2 = new CachingRootCauseModel(counting, "m", "rca-v2", 10);
    CachingRootCauseModel other = new CachingRootCauseModel(counting, "other", "rca-v1", 10);

    for (CachingRootCauseModel cache : List.of(v1, v2, other)) {
      cache.analyze(Samples.databricksRun("1", "table alpha"), rules("alpha"));
    }

    assertThat(counting.calls.get()).isEqualTo(3);
  }

  @Test
  void should_not_store_a_failure_when_the_model_fails() {
    counting.failuresLeft = 1;
    CachingRootCauseModel cache = new CachingRootCauseModel(counting, "m", "rca-v1", 10);

    assertThatThrownBy(() -> cache.analyze(Samples.databricksRun("1", "table alpha"), rules("alpha")))
        .isInstanceOf(TransientPortException.class);
    RootCauseAnalysis retried = cache.analyze(Samples.databricksRun("2", "table alpha"), rules("alpha"));

    assertThat(retried.has(AnalysisFlag.CACHED)).isFalse();
    assertThat(counting.calls.get()).isEqualTo(2);
  }

  @Test
  void should_not_store_a_fallback_when_the_model_returns_the_rules_result() {
    RootCauseModel fallingBack = (run, rules) -> {
      counting.calls.incrementAndGet();
      return rules.withFlag(AnalysisFlag.MODEL_FALLBACK);
    };
    CachingRootCauseModel cache = new CachingRootCauseModel(fallingBack, "m", "rca-v1", 10);

    cache.analyze(Samples.databricksRun("1", "table alpha"), rules("alpha"));
    RootCauseAnalysis again = cache.analyze(Samples.databricksRun("2", "table alpha"), rules("alpha"));

    assertThat(again.has(AnalysisFlag.CACHED)).isFalse();
    assertThat(counting.calls.get()).isEqualTo(2);
  }

  @Test
  void should_forget_the_least_recently_used_answer_when_full() {
    CachingRootCauseModel cache = new CachingRootCauseModel(counting, "m", "rca-v1", 2);

    cache.analyze(Samples.databricksRun("1", "a"), rules("alpha"));
    cache.analyze(Samples.databricksRun("2", "b"), rules("bravo"));
    cache.analyze(Samples.databricksRun("3", "a"), rules("alpha"));
    cache.analyze(Samples.databricksRun("4", "c"), rules("charlie"));
    RootCauseAnalysis alpha = cache.analyze(Samples.databricksRun("5", "a"), rules("alpha"));
    RootCauseAnalysis bravo = cache.analyze(Samples.databricksRun("6", "b"), rules("bravo"));

    assertThat(alpha.has(AnalysisFlag.CACHED)).isTrue();
    assertThat(bravo.has(AnalysisFlag.CACHED)).isFalse();
    assertThat(counting.calls.get()).isEqualTo(4);
  }

  @Test
  void should_refuse_settings_that_cannot_work_when_built() {
    assertThatThrownBy(() -> new CachingRootCauseModel(counting, "m", "v", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> new CachingRootCauseModel(counting, " ", "v", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
  }

  private static RootCauseAnalysis join(Future<RootCauseAnalysis> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
