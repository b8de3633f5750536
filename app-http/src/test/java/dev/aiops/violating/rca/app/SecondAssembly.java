package dev.aiops.violating.rca.app;

import dev.aiops.rca.core.intake.DeliveryWorkers;

/** Breaks: the app assembles the inbox workers itself instead of taking the facade's. */
public class SecondAssembly {
  public Object workers() {
    return new DeliveryWorkers(null, DeliveryWorkers.Settings.of(1), "second");
  }
}
