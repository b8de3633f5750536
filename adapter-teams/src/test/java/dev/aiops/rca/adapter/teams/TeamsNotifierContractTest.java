package dev.aiops.rca.adapter.teams;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.NotifierContract;
import dev.aiops.rca.testkit.Samples;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;

/** Teams against a loopback incoming-webhook stub meets the notifier contract. */
class TeamsNotifierContractTest implements NotifierContract {

  private final TeamsStub stub = new TeamsStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public Notifier subject() {
    return notifier(TeamsSettings.of(stub.incomingWebhook("alerts")), new MutableClock(Samples.T0));
  }

  static TeamsNotifier notifier(TeamsSettings settings, MutableClock clock) {
    return new TeamsNotifier(settings, new HttpTransport(HttpClient.newHttpClient(), clock, duration -> { }));
  }
}
