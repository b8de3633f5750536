package dev.aiops.rca.port.in;

/** Marks an incident resolved, and tells its ticket and its message. */
public interface ResolveIncidentUseCase {

  /**
   * Resolves the incident; resolving a resolved incident changes nothing. A later failure with the same signature
   * opens a new incident.
   *
   * @throws IllegalArgumentException if there is no such incident
   */
  ResolveIncidentResult resolve(ResolveIncidentCommand command);
}
