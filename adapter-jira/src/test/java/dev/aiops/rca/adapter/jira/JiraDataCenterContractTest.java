package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.testkit.IssueTrackerContract;
import org.junit.jupiter.api.AfterEach;

/** Jira Data Center (REST v2, personal access token) against a loopback stub meets the issue tracker contract. */
class JiraDataCenterContractTest implements IssueTrackerContract {

  private final JiraStub stub = new JiraStub("OPS");

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public IssueTracker subject() {
    return JiraIssueTrackerContractTest.tracker(stub, JiraSettings.of(stub.uri().toString(),
        JiraAuth.dataCenter("dc-pat-secret"), "OPS").withApiVersion(2));
  }
}
