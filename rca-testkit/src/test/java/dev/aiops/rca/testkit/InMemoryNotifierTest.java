package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.Notifier;

class InMemoryNotifierTest implements NotifierContract {
  @Override
  public Notifier subject() {
    return new InMemoryNotifier();
  }
}
