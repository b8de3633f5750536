package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.testkit.IssueTrackerContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

  @Test
  void should_keep_notes_in_order_when_a_ticket_is_commented() {
    BuiltinIssueTracker tracker = databases.h2().builtinIssueTracker(Clock.systemUTC());
    TicketRef ticket = tracker.open(IssueTrackerContract.request("rca-aaaa-1"));

    tracker.comment(ticket, "Remediation REPAIR_FAILED_TASKS started (new run 9)");
    tracker.comment(ticket, "Resolved in the RCA Assistant by olga.");

    assertThat(tracker.notes(ticket.key())).containsExactly(
        "Remediation REPAIR_FAILED_TASKS started (new run 9)", "Resolved in the RCA Assistant by olga.");
    assertThatThrownBy(() -> tracker.comment(new TicketRef(BuiltinIssueTracker.SYSTEM, "RCA-404", ""), "x"))
        .isInstanceOf(PermanentPortException.class).hasMessageContaining("RCA-404");
  }
}
