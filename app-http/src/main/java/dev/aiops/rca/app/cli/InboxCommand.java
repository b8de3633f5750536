package dev.aiops.rca.app.cli;

import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.GeneratedApiKey;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.core.intake.ManageDeliveriesService;
import dev.aiops.rca.domain.DeliveryEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.port.PortException;
import java.io.PrintWriter;
import java.net.URI;
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
        "Uses the same database settings as serve (RCA_DB_URL, or the H2 file under RCA_DATA_DIR). While serve holds"
            + " the H2 file, asks the running service instead (http://127.0.0.1:RCA_PORT, with RCA_API_KEY or the key"
            + " kept in the data directory; a replay needs the service's RCA_OPERATOR_KEY); --url names another"
            + " service."},
    subcommands = {InboxCommand.ListCommand.class, InboxCommand.ReplayCommand.class})
public final class InboxCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Option(names = "--url", paramLabel = "URL",
      description = "Ask the service running at URL instead of opening the database.")
  URI url;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("inbox needs what to do: inbox list or inbox replay DELIVERY_ID"
        + " (see inbox --help).");
    return 2;
  }

  /**
   * Runs {@code work} on the inbox: in the database, or through the running service when {@code --url} names it or
   * the service holds the embedded H2 file. 2 for bad settings, 3 when neither can be reached.
   */
  int withInbox(PrintWriter err, Function<InboxView, Integer> work) {
    AppConfig config;
    ConfigSource source = ConfigSource.load(System.getenv(), envFile);
    try {
      config = AppConfig.from(source);
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (url != null) {
      return throughService(config, source, url, err, work);
    }
    try (JdbcStore store = JdbcStore.open(Wiring.databaseSettings(config))) {
      return work.apply(InboxView.of(new ManageDeliveriesService(store.inbox(Clock.systemUTC()), () -> { })));
    } catch (PortException e) {
      if (config.database().isPresent()) {
        err.println("cannot use the database: " + e.getMessage());
        return 3;
      }
      // The embedded H2 file admits one process: while serve runs, the service answers for it.
      URI local = URI.create("http://127.0.0.1:" + config.port() + "/");
      err.println("the database is in use (is serve running?); asking the service at " + local);
      err.flush();
      return throughService(config, source, local, err, work);
    }
  }

  private static int throughService(AppConfig config, ConfigSource source, URI service, PrintWriter err,
      Function<InboxView, Integer> work) {
    Optional<Secret> operatorKey = source.get("RCA_OPERATOR_KEY").map(Secret::new);
    Optional<Secret> key = config.apiKey().or(() -> GeneratedApiKey.load(config.dataDir())).or(() -> operatorKey);
    if (key.isEmpty()) {
      err.println("no key to ask the service with: set RCA_API_KEY (and RCA_OPERATOR_KEY to replay)");
      return 2;
    }
    try {
      return work.apply(new RemoteInbox(service, key.get(), operatorKey));
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
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
          DeliveryStatus now = inbox.replay(deliveryId);
          out.println("replayed " + deliveryId + ": now " + now);
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
