package dev.aiops.rca.adapter.servicenow;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;

/** ServiceNow against a loopback Table API stub meets the issue tracker contract. */
class ServiceNowIssueTrackerContractTest implements IssueTrackerContract {

  private final ServiceNowStub stub = new ServiceNowStub();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public IssueTracker subject() {
    return tracker(settings(stub));
  }

  static ServiceNowSettings settings(ServiceNowStub stub) {
    return ServiceNowSettings.of(stub.uri().toString(), ServiceNowAuth.userPassword("rca.bot", "snow-secret"));
  }

  static ServiceNowIssueTracker tracker(ServiceNowSettings settings) {
    return new ServiceNowIssueTracker(settings, new HttpTransport(HttpClient.newHttpClient(), d -> { }));
  }
}
