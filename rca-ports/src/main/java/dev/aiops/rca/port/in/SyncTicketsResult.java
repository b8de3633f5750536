package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.IncidentId;
import java.util.List;

/**
 * What one round of ticket sync did.
 *
 * @param resolved the incidents resolved because their ticket was done
 * @param closed the incidents whose ticket was closed on a retry
 * @param problems what could not be asked or closed, a line each; tried again next round
 */
public record SyncTicketsResult(List<IncidentId> resolved, List<IncidentId> closed, List<String> problems) {
  public SyncTicketsResult {
    resolved = List.copyOf(resolved);
    closed = List.copyOf(closed);
    problems = List.copyOf(problems);
  }
}
