package dev.aiops.violating.rca.adapter.jdbc;

import dev.aiops.violating.rca.testkit.LoggingFake;

/** Breaks: product code depends on the testkit, which is for tests only. */
public class FakeBackedStore {
  public void save(String what) {
    new LoggingFake().record(what);
  }
}
