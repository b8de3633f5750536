package dev.aiops.rca.adapter.adf;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;

/**
 * Reads the Databricks run that a failed ADF Databricks activity started, so that one incident carries the whole
 * chain. The composition root wires it to the Databricks source ({@code databricksSource::fetch}); adapters do not
 * know each other.
 */
@FunctionalInterface
public interface DatabricksHop {

  /**
   * @param databricksEvent an event of source DATABRICKS: the run id from the activity's run page link, the job id
   *     from that link, the activity's notebook path (or name) as job name, the link's host as workspace, the
   *     activity's error as reported error and the ADF webhook body as raw payload
   * @return the Databricks run with its tasks and their errors
   * @throws dev.aiops.rca.port.PortException as {@link dev.aiops.rca.port.out.FailedRunSource#fetch} does
   */
  FailedRun fetch(FailureEvent databricksEvent);
}
