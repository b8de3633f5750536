package dev.aiops.rca.port.in;

/** Handles a failure webhook from end to end: claim, enrich, analyse, file, ticket, notify, remediate. */
@FunctionalInterface
public interface HandleFailureUseCase {

  /**
   * Handles one delivery. A second delivery of the same run is a recorded no-op.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the incident store cannot be reached; nothing was
   *     claimed, so the delivery may be retried
   */
  HandleFailureResult handle(HandleFailureCommand command);
}
