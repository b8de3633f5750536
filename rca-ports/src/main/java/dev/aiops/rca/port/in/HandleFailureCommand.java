package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.FailureEvent;
import java.util.Objects;

/** A failure webhook to handle. */
public record HandleFailureCommand(FailureEvent event) {
  public HandleFailureCommand {
    Objects.requireNonNull(event, "event");
  }
}
