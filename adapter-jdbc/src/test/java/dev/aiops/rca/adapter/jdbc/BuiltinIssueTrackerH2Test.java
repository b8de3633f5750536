package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class BuiltinIssueTrackerH2Test implements IssueTrackerContract {

  private final TestDatabases databases = new TestDatabases();

  @Override
  public IssueTracker subject() {
    return databases.h2().builtinIssueTracker(Clock.systemUTC());
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
