package dev.aiops.rca.app.cli;

import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.DeliveryInbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Looks into the webhook inbox and replays dead letters, on the database the settings name. */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    description = {"Inspect the webhook inbox and replay dead letters.",
        "Uses the same database settings as serve (RCA_DB_URL, or the H2 file under RCA_DATA_DIR)."},
    subcommands = {InboxCommand.ListCommand.class, InboxCommand.ReplayCommand.class})
public final class InboxCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code work} on the inbox; 2 for bad settings, 3 when the database cannot be opened. */
  int withInbox(PrintWriter err, Function<DeliveryInbox, Integer> work) {
    AppConfig config;
    try {
      config = AppConfig.from(ConfigSource.load(System.getenv(), envFile));
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    try (JdbcStore store = JdbcStore.open(Wiring.databaseSettings(config))) {
      return work.apply(store.inbox(Clock.systemUTC()));
    } catch (PortException e) {
      err.println("cannot use the database: " + e.getMessage());
      return 3;
    }
  }

  /** Lists deliveries, newest first. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List deliveries, newest first.")
  static final class ListCommand implements Callable<Integer> {

    @ParentCommand
    InboxCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--dead", description = "Only dead letters (same as --status DEAD).")
    boolean dead;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
    DeliveryStatus status;

    @Option(names = "--limit", paramLabel = "N", description = "At most N deliveries (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<DeliveryStatus> only = dead ? Optional.of(DeliveryStatus.DEAD) : Optional.ofNullable(status);
      return parent.withInbox(spec.commandLine().getErr(), inbox -> {
        out.println("counts: " + inbox.counts());
        List<DeliveryEntry> entries = inbox.list(only, Math.max(1, Math.min(limit, 1000)));
        for (DeliveryEntry e : entries) {
          out.printf("%s  %-9s  %s  attempts=%d  run=%s%s%n", e.deliveryId(), e.status(), e.receivedAt(),
              e.attempts(), e.run().orElse("-"), e.lastError().map(error -> "  last error: " + error).orElse(""));
        }
        out.flush();
        return 0;
      });
    }
  }

  /** Puts a dead letter back in the queue. */
  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Put a dead delivery back in the queue; a running service processes it.")
  static final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    InboxCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DELIVERY_ID", description = "The dead delivery, as inbox list shows it.")
    String deliveryId;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      return parent.withInbox(err, inbox -> {
        try {
          DeliveryEntry entry = inbox.replay(deliveryId);
          out.println("replayed " + entry.deliveryId() + ": now " + entry.status());
          out.flush();
          return 0;
        } catch (IllegalArgumentException e) {
          err.println(e.getMessage());
          err.flush();
          return 1;
        }
      });
    }
  }
}
