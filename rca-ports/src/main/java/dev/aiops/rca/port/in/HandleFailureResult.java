package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RunKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What handling a delivery did. */
public sealed interface HandleFailureResult
    permits HandleFailureResult.Handled, HandleFailureResult.Duplicate, HandleFailureResult.Skipped {

  /**
   * The run was new and was handled.
   *
   * @param filing where it was filed
   * @param remediation what the remediation policy did, if it had a plan
   * @param problems outward steps that failed (ticket, notification), each a line for people; they are in the
   *     audit trail too
   * @param retryAfter the longest wait a failed step's system asked for ({@code Retry-After}), if any
   */
  record Handled(Filing filing, Optional<RemediationOutcome> remediation, List<String> problems,
      Optional<Duration> retryAfter) implements HandleFailureResult {
    public Handled {
      Objects.requireNonNull(filing, "filing");
      Objects.requireNonNull(remediation, "remediation");
      problems = List.copyOf(problems);
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Handled with no outside system asking to wait before a retry. */
    public Handled(Filing filing, Optional<RemediationOutcome> remediation, List<String> problems) {
      this(filing, remediation, problems, Optional.empty());
    }
  }

  /** The run had been delivered before; nothing was done but an audit entry. */
  record Duplicate(RunKey run) implements HandleFailureResult {
    public Duplicate {
      Objects.requireNonNull(run, "run");
    }
  }

  /** The run needed no incident after all: a later attempt succeeded. The reason is in the audit trail too. */
  record Skipped(RunKey run, String reason) implements HandleFailureResult {
    public Skipped {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
