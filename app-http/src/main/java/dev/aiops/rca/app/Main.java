package dev.aiops.rca.app;

import dev.aiops.rca.app.cli.AnalyzeCommand;
import dev.aiops.rca.app.cli.BackfillCommand;
import dev.aiops.rca.app.cli.DiagnoseCommand;
import dev.aiops.rca.app.cli.EvalCommand;
import dev.aiops.rca.app.cli.InboxCommand;
import dev.aiops.rca.app.cli.ServeCommand;
import dev.aiops.rca.app.cli.SetupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rca-assistant} command line. */
@Command(
    name = "rca-assistant",
    mixinStandardHelpOptions = true,
    version = "rca-assistant 0.1.0",
    description = "Explains why a Databricks job or an Azure Data Factory pipeline failed, and acts on it.",
    subcommands = {ServeCommand.class, SetupCommand.class, AnalyzeCommand.class, EvalCommand.class,
        InboxCommand.class, DiagnoseCommand.class, BackfillCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every command, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
