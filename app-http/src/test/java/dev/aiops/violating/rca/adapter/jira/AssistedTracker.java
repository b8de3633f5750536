package dev.aiops.violating.rca.adapter.jira;

import dev.aiops.violating.rca.assistant.Facade;

/** Breaks: an adapter depends on the facade built on top of it. */
public class AssistedTracker {
  public Object facade() {
    return new Facade();
  }
}
