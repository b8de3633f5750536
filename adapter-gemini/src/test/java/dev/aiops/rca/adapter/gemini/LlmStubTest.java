package dev.aiops.rca.adapter.gemini;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/** A vendor's run of the contract: one stub per test, answering well unless scripted, and the waits recorded. */
abstract class LlmStubTest implements LlmRootCauseModelContract {

  // ok(...) builds a body from its arguments alone, so it may be called before the subclass is initialised.
  protected final LlmStub stub = new LlmStub(ok(GOOD, 42, 17));
  protected final List<Duration> waits = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public LlmStub stub() {
    return stub;
  }

  @Override
  public List<Duration> waits() {
    return waits;
  }
}
