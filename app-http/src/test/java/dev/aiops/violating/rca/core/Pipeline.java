package dev.aiops.violating.rca.core;

import dev.aiops.violating.rca.adapter.slack.SlackNotifier;
import picocli.CommandLine;

/** Breaks: core depends on an adapter and on a framework. */
public class Pipeline {
  public Object run() {
    return new SlackNotifier().toString() + new CommandLine(this).getCommandName();
  }
}
