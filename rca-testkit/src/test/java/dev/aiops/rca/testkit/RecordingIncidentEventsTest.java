package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.IncidentEvents;

class RecordingIncidentEventsTest implements IncidentEventsContract {
  @Override
  public IncidentEvents subject() {
    return new RecordingIncidentEvents();
  }
}
