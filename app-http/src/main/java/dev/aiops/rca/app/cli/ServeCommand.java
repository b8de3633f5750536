package dev.aiops.rca.app.cli;

import dev.aiops.rca.app.Wiring;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.app.http.RcaHttpServer;
import dev.aiops.rca.app.http.WebhookGuard;
import dev.aiops.rca.port.PortException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the HTTP service with settings from the environment and an optional .env file. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the RCA service over HTTP.",
      "Settings come from environment variables, then from the .env file:",
      "RCA_PORT (default 8000), RCA_DATA_DIR, RCA_API_KEY, DATABRICKS_HOST,",
      "DATABRICKS_TOKEN, GEMINI_API_KEY, ITSM_TOOL, SLACK_BOT_TOKEN,",
      "SLACK_ALERT_CHANNEL, RCA_DB_URL (default: an H2 file under RCA_DATA_DIR),",
      "RCA_DB_USER, RCA_DB_PASSWORD, RCA_WORKERS (default 2)."
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "0.0.0.0";

  @Override
  public Integer call() throws InterruptedException {
    AppConfig config;
    try {
      config = AppConfig.from(ConfigSource.load(System.getenv(), envFile));
    } catch (InvalidConfigException e) {
      LOG.error("{}", e.getMessage());
      return 2;
    }
    config.describe().forEach(line -> LOG.info("setting {}", line));
    Wiring wiring;
    try {
      wiring = new Wiring(config, Clock.systemUTC());
    } catch (PortException e) {
      LOG.error("cannot open the database: {}", e.getMessage());
      return 3;
    }
    wiring.notes().forEach(note -> LOG.info("wiring {}", note));

    CountDownLatch stopped = new CountDownLatch(1);
    wiring.workers().start();
    // Webhook authentication (RCA_API_KEY) plugs in here as a WebhookGuard.
    RcaHttpServer server = new RcaHttpServer(host, config.port(), wiring.incidents(), Optional.of(wiring.intake()),
        WebhookGuard.OPEN).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping: no new webhooks, finishing deliveries in progress");
      server.close();
      wiring.close();
      stopped.countDown();
    }, "shutdown"));
    LOG.info("ready on http://{}:{} (GET /health/ready)", host, server.port());
    stopped.await();
    return 0;
  }
}
