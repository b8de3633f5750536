package dev.aiops.rca.adapter.pagerduty;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.NotifierContract;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;

/** PagerDuty against a loopback Events API v2 stub meets the notifier contract. */
class PagerDutyNotifierContractTest implements NotifierContract {

  static final String KEY = "R0123456789abcdef0123456789ABCDE";

  private final PagerDutyStub stub = new PagerDutyStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public Notifier subject() {
    return notifier(stub, settings(stub));
  }

  static PagerDutySettings settings(PagerDutyStub stub) {
    return PagerDutySettings.of(KEY).withEventsUrl(stub.enqueueUrl());
  }

  static PagerDutyNotifier notifier(PagerDutyStub stub, PagerDutySettings settings) {
    return new PagerDutyNotifier(settings, new HttpTransport(HttpClient.newHttpClient(), duration -> { }));
  }
}
