package dev.aiops.rca.adapter.slack;

import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import org.junit.jupiter.api.AfterEach;

/** Slack against a loopback Web API stub meets the notifier contract. */
class SlackNotifierContractTest implements NotifierContract {

  private final SlackStub stub = new SlackStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public Notifier subject() {
    return notifier(stub, settings(stub), new MutableClock(Samples.T0));
  }

  static SlackSettings settings(SlackStub stub) {
    return SlackSettings.of("xoxb-test-secret", "#data-alerts").withApiUrl(stub.uri());
  }

  static SlackNotifier notifier(SlackStub stub, SlackSettings settings, MutableClock clock) {
    return new SlackNotifier(settings, SlackNotifier.slack(settings), clock);
  }
}
