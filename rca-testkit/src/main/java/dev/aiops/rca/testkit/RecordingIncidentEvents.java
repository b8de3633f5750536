package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.port.out.IncidentEvents;
import java.util.ArrayList;
import java.util.List;

/** Records every published change. */
public final class RecordingIncidentEvents implements IncidentEvents {

  private final List<IncidentChange> changes = new ArrayList<>();

  @Override
  public synchronized void publish(IncidentChange change) {
    changes.add(change);
  }

  public synchronized List<IncidentChange> changes() {
    return List.copyOf(changes);
  }
}
