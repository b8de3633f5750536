package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.out.IssueTracker;
import org.junit.jupiter.api.Test;

class InMemoryIssueTrackerTest implements IssueTrackerContract {
  @Override
  public IssueTracker subject() {
    return new InMemoryIssueTracker();
  }

  @Test
  void should_fail_once_then_recover_when_a_failure_is_queued() {
    InMemoryIssueTracker tracker = new InMemoryIssueTracker();
    tracker.failures().failNext(new TransientPortException("429"));

    assertThatThrownBy(() -> tracker.open(IssueTrackerContract.request("k"))).isInstanceOf(
        TransientPortException.class);
    assertThat(tracker.open(IssueTrackerContract.request("k")).key()).isEqualTo("FAKE-1");
    assertThat(tracker.openCalls()).isEqualTo(2);
  }
}
