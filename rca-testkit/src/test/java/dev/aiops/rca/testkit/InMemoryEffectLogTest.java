package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.EffectLog;

class InMemoryEffectLogTest implements EffectLogContract {
  @Override
  public EffectLog subject() {
    return new InMemoryEffectLog();
  }
}
