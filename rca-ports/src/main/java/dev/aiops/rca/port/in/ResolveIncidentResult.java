package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.Incident;
import java.util.List;
import java.util.Objects;

/**
 * What resolving an incident did.
 *
 * @param incident the incident as it is now
 * @param changed false when it was resolved already and nothing was done
 * @param problems what could not be told (the ticket, the message); the incident is resolved regardless
 */
public record ResolveIncidentResult(Incident incident, boolean changed, List<String> problems) {
  public ResolveIncidentResult {
    Objects.requireNonNull(incident, "incident");
    problems = List.copyOf(problems);
  }
}
