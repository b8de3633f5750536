package dev.aiops.violating.rca.http;

import dev.aiops.violating.rca.adapter.jira.JiraTracker;

/** Breaks: the shared HTTP plumbing depends on an adapter. */
public class JiraRetries {
  public Object retry() {
    return new JiraTracker().toString();
  }
}
