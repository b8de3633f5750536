package dev.aiops.violating.rca.adapter.jira;

import dev.aiops.violating.rca.adapter.slack.SlackNotifier;

/** Breaks: an adapter depends on another adapter. */
public class JiraTracker {
  public String post() {
    return new SlackNotifier().toString();
  }
}
