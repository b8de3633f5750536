package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationOutcome;
import java.util.List;

/**
 * Keeps the remediation attempts and decisions of incidents, and the results of the runs they started.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link dev.aiops.rca.port.TransientPortException} when
 * the store cannot be reached.
 */
public interface RemediationLog {

  /**
   * Records a remediation attempt or decision.
   *
   * @return false, recording nothing, when the incident already has an outcome with the same status for the same
   *     new run: the result of a remediation's run is recorded once, however many followers see it end
   */
  boolean record(RemediationOutcome outcome);

  /** The incident's remediation attempts, oldest first. */
  List<RemediationOutcome> remediations(IncidentId id);

  /**
   * Executed remediations whose new run has no recorded result yet ({@code RUN_SUCCEEDED} or {@code RUN_FAILED}),
   * oldest first, at most {@code limit}: the runs still to follow.
   */
  List<RemediationOutcome> unfinishedRemediations(int limit);
}
