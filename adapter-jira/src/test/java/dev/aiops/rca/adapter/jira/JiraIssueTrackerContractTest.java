package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;

/** Jira Cloud (REST v3) against a loopback stub meets the issue tracker contract. */
class JiraIssueTrackerContractTest implements IssueTrackerContract {

  private final JiraStub stub = new JiraStub("OPS");

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public IssueTracker subject() {
    return tracker(stub, settings(stub));
  }

  static JiraSettings settings(JiraStub stub) {
    return JiraSettings.of(stub.uri().toString(), JiraAuth.cloud("bot@acme.example", "jira-secret-token"),
        "OPS");
  }

  static JiraIssueTracker tracker(JiraStub stub, JiraSettings settings) {
    return new JiraIssueTracker(settings, new HttpTransport(HttpClient.newHttpClient(), duration -> { }));
  }
}
