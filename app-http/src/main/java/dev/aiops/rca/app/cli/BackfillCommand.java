package dev.aiops.rca.app.cli;

import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.core.intake.ReconcileService;
import dev.aiops.rca.port.PortException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Sweeps the platforms once over a given past, for failed runs whose webhook never came. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Find the failed runs of the last --since whose webhook never came, as the scheduled sweep"
          + " (RCA_RECONCILE_INTERVAL) does, whatever its lease and watermarks say.",
      "Each failed run the inbox has not seen is stored there, as a webhook would be, and a run seen before is left"
          + " alone. Uses the settings of serve. A running service on the same PostgreSQL database handles the stored"
          + " runs at once; otherwise serve handles them when it next starts. The embedded H2 file admits one"
          + " process: stop serve first.",
      "Exit codes: 0 done, 1 a platform could not be listed, 2 bad settings, 3 the database cannot be used."
    })
public final class BackfillCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Option(names = "--since", required = true, paramLabel = "DURATION", converter = PastDuration.class,
      description = "How far back to look, such as 30m, 24h or 7d.")
  Duration since;

  /** The settings, when a test gives them; else the environment and {@link #envFile}. */
  ConfigSource source;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig config;
    try {
      config = AppConfig.from(source != null ? source : ConfigSource.load(System.getenv(), envFile));
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    Clock clock = Clock.systemUTC();
    try (Wiring wiring = new Wiring(config, clock)) {
      if (wiring.reconcile().isEmpty()) {
        err.println("no platform is configured: set DATABRICKS_HOST with its credentials, or the ADF_* and AZURE_*"
            + " settings (see the README)");
        err.flush();
        return 2;
      }
      List<ReconcileService.Swept> swept = wiring.reconcile().get().backfill(clock.instant().minus(since));
      for (ReconcileService.Swept platform : swept) {
        out.println(platform.failure()
            .map(reason -> platform.source() + ": could not be listed: " + reason)
            .orElse(platform.source() + ": " + platform.found() + " failed run(s) from " + platform.from() + " to "
                + platform.to() + ", " + platform.unannounced() + " new (stored in the inbox)"));
      }
      out.println(swept.stream().mapToInt(ReconcileService.Swept::unannounced).sum()
          + " run(s) no webhook had announced; serve handles them");
      out.flush();
      return swept.stream().anyMatch(platform -> platform.failure().isPresent()) ? 1 : 0;
    } catch (PortException e) {
      err.println("cannot use the database: " + e.getMessage() + (config.database().isEmpty()
          ? " (the embedded H2 file admits one process: stop serve first, or use PostgreSQL)" : ""));
      err.flush();
      return 3;
    }
  }

  /** Reads {@code 30m}, {@code 24h}, {@code 7d} or ISO 8601 ({@code PT24H}): a positive duration. */
  static final class PastDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      Duration duration = null;
      try {
        if (text.startsWith("p")) {
          duration = Duration.parse(text.toUpperCase(Locale.ROOT));
        } else if (text.matches("\\d{1,9}[mhd]")) {
          long amount = Long.parseLong(text.substring(0, text.length() - 1));
          char unit = text.charAt(text.length() - 1);
          duration = unit == 'm' ? Duration.ofMinutes(amount) : unit == 'h' ? Duration.ofHours(amount)
              : Duration.ofDays(amount);
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 30m, 24h or 7d");
      }
      return duration;
    }
  }
}
