package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.IncidentChange;

/** Publishes incident changes to live views (the dashboard's push channel). Never throws; may drop events. */
@FunctionalInterface
public interface IncidentEvents {

  void publish(IncidentChange change);
}
