package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.port.out.IncidentEvents;
import org.junit.jupiter.api.Test;

/** What every {@link IncidentEvents} must do: accept every change without throwing, listeners or not. */
public interface IncidentEventsContract {

  IncidentEvents subject();

  @Test
  default void should_accept_changes_when_nobody_listens() {
    IncidentEvents events = subject();

    assertThatCode(() -> {
      for (IncidentChange.Kind kind : IncidentChange.Kind.values()) {
        events.publish(new IncidentChange(new IncidentId(1), kind, Samples.T0));
      }
    }).doesNotThrowAnyException();
  }
}
