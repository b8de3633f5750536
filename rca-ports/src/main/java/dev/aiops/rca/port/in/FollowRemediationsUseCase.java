package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.RemediationOutcome;
import java.util.List;

/** Follows the runs that executed remediations started, and records how each ended. */
public interface FollowRemediationsUseCase {

  /**
   * Asks the platforms once about every run still to follow; records, audits and tells the ticket and the message
   * of each that has ended.
   *
   * @return the results recorded by this call ({@code RUN_SUCCEEDED} or {@code RUN_FAILED}), oldest first
   */
  List<RemediationOutcome> followUp();
}
