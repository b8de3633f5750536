package dev.aiops.violating.rca.app.demo;

import dev.aiops.violating.rca.adapter.slack.SlackNotifier;

/** Breaks: an application class outside the composition root builds an adapter. */
public class DemoShortcut {
  public Object notifier() {
    return new SlackNotifier();
  }
}
