package dev.aiops.rca.app.cli;

import dev.aiops.rca.adapter.web.dashboard.DashboardSettings;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import dev.aiops.rca.app.RcaService;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.app.config.DataDirectory;
import dev.aiops.rca.app.config.GeneratedApiKey;
import dev.aiops.rca.app.config.InvalidConfigException;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.app.demo.DemoMode;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.port.PortException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the HTTP service with settings from the environment and an optional .env file. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the RCA service over HTTP.",
      "Settings come from environment variables, then from the .env file: RCA_PORT (default 8000), RCA_BIND"
          + " (default 0.0.0.0), RCA_DATA_DIR, RCA_API_KEY, RCA_OPERATOR_KEY, DATABRICKS_HOST, DATABRICKS_TOKEN,"
          + " GEMINI_API_KEY, ITSM_TOOL, SLACK_BOT_TOKEN, SLACK_ALERT_CHANNEL, RCA_DB_URL (default: an H2 file under"
          + " RCA_DATA_DIR), RCA_DB_USER, RCA_DB_PASSWORD, RCA_WORKERS (default 2), RCA_WEBHOOK_RATE (webhooks a"
          + " second per source, default 200), and the integrations listed in the README (DATABRICKS_*, AZURE_*,"
          + " ADF_*, LLM_PROVIDER, JIRA_*, SLACK_* ...)."
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Spec
  CommandSpec spec;

  @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file read beneath the environment (default: ${DEFAULT-VALUE}).")
  Path envFile = Path.of(".env");

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (default: RCA_BIND, else 0.0.0.0; 127.0.0.1 with --demo or "
          + "--insecure-no-auth).")
  String host;

  @Option(names = "--demo",
      description = "Start a demo: embedded defaults, a simulated Databricks workspace and Data Factory in this "
          + "process, and a few recorded failures sent to the service; data in ./demo-data. Needs no account "
          + "and ignores .env.")
  boolean demo;

  @Option(names = "--insecure-no-auth",
      description = "Take webhooks without a key, listening on 127.0.0.1 only. For local experiments only: anyone "
          + "who can reach the port can file incidents.")
  boolean insecureNoAuth;

  @Override
  public Integer call() throws InterruptedException {
    Optional<DemoMode> demoMode = demo ? Optional.of(DemoMode.start(System.getenv(), spec.commandLine().getOut()))
        : Optional.empty();
    ConfigSource source = demoMode.map(DemoMode::config).orElseGet(() -> ConfigSource.load(System.getenv(), envFile));
    AppConfig config;
    DashboardSettings dashboardSettings;
    WebhookLimits limits;
    ListenAddress listen;
    try {
      config = AppConfig.from(source);
      dashboardSettings = WebSettings.dashboard(source);
      limits = WebSettings.webhookLimits(source);
      listen = ListenAddress.choose(host, demo, insecureNoAuth, WebSettings.bindAddress(source));
    } catch (InvalidConfigException e) {
      LOG.error("{}", e.getMessage());
      demoMode.ifPresent(DemoMode::close);
      return 2;
    }
    config.describe().forEach(line -> LOG.info("setting {}", line));
    DataDirectory.secure(config.dataDir());
    LOG.info("setting RCA_WEBHOOK_RATE={} (per source, bursts of {})", limits.ratePerSecond(), limits.burst());
    LOG.info("setting RCA_OPERATOR_KEY={}", dashboardSettings.operatorKey().map(Secret::toString)
        .orElse("(not set: approving, resolving and replaying need an operator's dashboard session)"));
    LOG.info("setting RCA_BIND={}", listen.address());
    String listenOn = listen.address();
    Secret key = webhookKey(config);
    if (insecureNoAuth) {
      LOG.warn("!!! --insecure-no-auth: webhooks are taken WITHOUT a key; anyone who can reach port {} can file "
          + "incidents. Never run like this outside a laptop. !!!", config.port());
    }
    listen.note().ifPresent(note -> LOG.warn("{}", note));
    RcaService.Launch launch = RcaService.Launch.of(config, dashboardSettings, limits, key)
        .on(listenOn, config.port())
        .showingOnce(this::showOnce);
    RcaService service;
    try {
      service = RcaService.start(insecureNoAuth ? launch.withOpenWebhooks() : launch);
    } catch (PortException e) {
      LOG.error("cannot open the database: {}", e.getMessage());
      demoMode.ifPresent(DemoMode::close);
      return 3;
    }
    service.wiring().notes().forEach(note -> LOG.info("wiring {}", note));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping: no new webhooks, finishing deliveries in progress");
      service.close();
      demoMode.ifPresent(DemoMode::close);
      stopped.countDown();
    }, "shutdown"));
    LOG.info("ready on http://{}:{} (dashboard at /, GET /health/ready, GET /metrics)", listenOn, service.port());
    demoMode.ifPresent(d -> d.started(listenOn, service.port(), service.wiring().incidents()));
    stopped.await();
    return 0;
  }

  /** {@code RCA_API_KEY}, or the key kept in the data directory, made on first start and shown once. */
  private Secret webhookKey(AppConfig config) {
    if (config.apiKey().isPresent()) {
      return config.apiKey().get();
    }
    GeneratedApiKey generated = GeneratedApiKey.loadOrCreate(config.dataDir());
    if (generated.created()) {
      showOnce("webhook and API key (RCA_API_KEY is not set), kept in " + generated.file() + ": "
          + generated.key().reveal());
    } else {
      LOG.info("webhooks need the key kept in {} (RCA_API_KEY is not set)", generated.file());
    }
    return generated.key();
  }

  // Shown on the terminal, not in the log: logs travel to shared systems, and this is a credential.
  private void showOnce(String line) {
    spec.commandLine().getOut().println(">>> " + line);
    spec.commandLine().getOut().flush();
  }
}
