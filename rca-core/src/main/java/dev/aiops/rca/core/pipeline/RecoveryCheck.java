package dev.aiops.rca.core.pipeline;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RunOutcome;
import java.util.Optional;

/** Spots a run that its platform says ended well after the failure was reported: it needs no incident. */
final class RecoveryCheck {

  private RecoveryCheck() {}

  /**
   * Why the run needs no incident, when its platform says it ended well (a retry succeeded after the failure
   * webhook was sent); empty when it failed.
   */
  static Optional<String> reason(FailedRun run) {
    boolean succeeded = run.state().outcome() == RunOutcome.SUCCEEDED;
    boolean anyTaskFailed = run.tasks().stream().anyMatch(task -> task.state().outcome() == RunOutcome.FAILED
        || task.state().outcome() == RunOutcome.TIMED_OUT || task.state().outcome() == RunOutcome.PLATFORM_ERROR);
    if (!succeeded || anyTaskFailed) {
      return Optional.empty();
    }
    return Optional.of("run " + run.event().run() + " ended " + run.state().resultState()
        + " after the failure was reported (a retry succeeded); no incident");
  }
}
