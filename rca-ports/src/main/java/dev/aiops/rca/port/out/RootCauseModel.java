package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.RootCauseAnalysis;

/**
 * A language model that explains a failure, starting from the rules' analysis.
 *
 * <p>Implementations are thread-safe. The run given to it is already redacted.
 */
public interface RootCauseModel {

  /**
   * The model's analysis of {@code run}, given what the rules found.
   *
   * @return an analysis whose {@code analyzer} names the model
   * @throws dev.aiops.rca.port.TransientPortException if the vendor throttles or fails; retries are exhausted
   * @throws dev.aiops.rca.port.PermanentPortException if the vendor refuses the call or answers unusably
   */
  RootCauseAnalysis analyze(FailedRun run, RootCauseAnalysis rulesResult);
}
