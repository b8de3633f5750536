package dev.aiops.rca.app;

import dev.aiops.rca.adapter.web.HttpDeadlines;
import dev.aiops.rca.adapter.web.RcaHttpServer;
import dev.aiops.rca.adapter.web.dashboard.Dashboard;
import dev.aiops.rca.adapter.web.dashboard.DashboardSettings;
import dev.aiops.rca.adapter.web.dashboard.Users;
import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.slack.SlackInteractionRoutes;
import dev.aiops.rca.adapter.web.webhook.WebhookAuth;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.adapter.web.webhook.WebhookLimits;
import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.DataDirectory;
import dev.aiops.rca.app.config.WebSettings;
import dev.aiops.rca.core.intake.Reconciler;
import dev.aiops.rca.domain.Secret;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The running service: the wiring (store, pipeline, inbox workers, remediation follower, reconciliation sweep) and
 * the HTTP server with the webhooks and the dashboard, started together and closed in order. {@code serve},
 * {@code serve --demo}, the end-to-end tests and the benchmarks all start it here, so that there is one assembly.
 */
public final class RcaService implements AutoCloseable {

  /**
   * What to start.
   *
   * @param config the service's settings
   * @param dashboard the dashboard's settings; its API takes {@code apiKey} too
   * @param limits the webhook limits
   * @param host the address to listen on
   * @param port the port, 0 for a free one
   * @param apiKey the key webhooks and the API present
   * @param webhooksNeedKey false only for local experiments ({@code --insecure-no-auth}) and benchmarks
   * @param withDashboard whether the dashboard and its API are mounted
   * @param workersStarted whether the inbox workers start at once; else the caller starts them
   * @param options what replaces the configured notifier, tracker or model, and the retry policy
   * @param showOnce shows a credential made at start-up to the operator, never to the log
   * @param moreRoutes routes mounted beside the service's own (a benchmark's no-op baseline)
   */
  public record Launch(AppConfig config, DashboardSettings dashboard, WebhookLimits limits, String host, int port,
      Secret apiKey, boolean webhooksNeedKey, boolean withDashboard, boolean workersStarted, Wiring.Options options,
      Consumer<String> showOnce, Optional<Consumer<JavalinConfig>> moreRoutes) {
    public Launch {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(dashboard, "dashboard");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(showOnce, "showOnce");
      Objects.requireNonNull(moreRoutes, "moreRoutes");
    }

    /** Everything as configured, on the configured port of every interface, webhooks keyed, the dashboard on. */
    public static Launch of(AppConfig config, DashboardSettings dashboard, WebhookLimits limits, Secret apiKey) {
      return new Launch(config, dashboard, limits, "0.0.0.0", config.port(), apiKey, true, true, true,
          Wiring.Options.configured(), line -> { }, Optional.empty());
    }

    public Launch on(String newHost, int newPort) {
      return new Launch(config, dashboard, limits, newHost, newPort, apiKey, webhooksNeedKey, withDashboard,
          workersStarted, options, showOnce, moreRoutes);
    }

    public Launch withOptions(Wiring.Options newOptions) {
      return new Launch(config, dashboard, limits, host, port, apiKey, webhooksNeedKey, withDashboard, workersStarted,
          newOptions, showOnce, moreRoutes);
    }

    /** Takes webhooks without a key. */
    public Launch withOpenWebhooks() {
      return new Launch(config, dashboard, limits, host, port, apiKey, false, withDashboard, workersStarted, options, showOnce, moreRoutes);
    }

    public Launch withoutDashboard() {
      return new Launch(config, dashboard, limits, host, port, apiKey, webhooksNeedKey, false, workersStarted, options, showOnce, moreRoutes);
    }

    /** Leaves the workers idle until the caller starts them (a benchmark that measures intake alone). */
    public Launch withWorkersIdle() {
      return new Launch(config, dashboard, limits, host, port, apiKey, webhooksNeedKey, withDashboard, false, options, showOnce, moreRoutes);
    }

    public Launch withMoreRoutes(Consumer<JavalinConfig> routes) {
      return new Launch(config, dashboard, limits, host, port, apiKey, webhooksNeedKey, withDashboard, workersStarted,
          options, showOnce, Optional.of(routes));
    }

    public Launch showingOnce(Consumer<String> newShowOnce) {
      return new Launch(config, dashboard, limits, host, port, apiKey, webhooksNeedKey, withDashboard, workersStarted,
          options, newShowOnce, moreRoutes);
    }
  }

  private final Wiring wiring;
  private final RcaHttpServer server;
  private final String host;
  private final Optional<SlackInteractionRoutes> slack;

  private RcaService(Wiring wiring, RcaHttpServer server, String host, Optional<SlackInteractionRoutes> slack) {
    this.wiring = wiring;
    this.server = server;
    this.host = host;
    this.slack = slack;
  }

  /**
   * Opens the store, starts the workers, the follower and the ticket sync, and listens.
   *
   * @throws dev.aiops.rca.port.PortException if the database cannot be opened
   */
  public static RcaService start(Launch launch) {
    DataDirectory.secure(launch.config().dataDir());
    Wiring wiring = new Wiring(launch.config(), Clock.systemUTC(), launch.options());
    Optional<SlackInteractionRoutes> slack = Optional.empty();
    try {
      DataDirectory.secureNewFiles(launch.config().dataDir());
      Optional<Consumer<JavalinConfig>> dashboard = launch.withDashboard()
          ? Optional.of(dashboard(launch, wiring)::mount) : Optional.empty();
      Optional<Consumer<JavalinConfig>> pages = launch.moreRoutes()
          .map(more -> dashboard.map(more::andThen).orElse(more)).or(() -> dashboard);
      WebhookGuard guard = launch.webhooksNeedKey()
          ? WebhookGuard.requiring(WebhookAuth.requiring(launch.apiKey())) : WebhookGuard.OPEN;
      if (launch.workersStarted()) {
        wiring.workers().start();
      }
      wiring.follower().start();
      wiring.recoveryRounds().start();
      wiring.stormFlush().start();
      wiring.ticketSync().start();
      wiring.reconciler().ifPresent(Reconciler::start);
      slack = launch.config().integrations().slackInteractions().map(settings -> new SlackInteractionRoutes(
          settings, wiring.slackEmails(), wiring.queryIncidents(), wiring.decideRemediation(),
          wiring.refuseDecision(), Clock.systemUTC()));
      RcaHttpServer server = new RcaHttpServer(launch.host(), launch.port(), wiring.queryIncidents(),
          Optional.of(wiring.receiveWebhook()), guard, pages, new HttpOperations(wiring.metrics(), launch.limits(),
              wiring.workers().size(), wiring.workers()::alive), HttpDeadlines.STANDARD, slack).start();
      return new RcaService(wiring, server, launch.host(), slack);
    } catch (RuntimeException e) {
      slack.ifPresent(SlackInteractionRoutes::close);
      wiring.close();
      throw e;
    }
  }

  private static Dashboard dashboard(Launch launch, Wiring wiring) {
    DashboardSettings settings = launch.dashboard().withApiKey(launch.apiKey());
    Users users = Users.loadOrCreate(settings, launch.showOnce());
    return new Dashboard(settings, users, wiring.queryIncidents(), wiring.decideRemediation(),
        wiring.resolveIncident(), wiring.live(), Clock.systemUTC(),
        Optional.of(wiring.deliveries()));
  }

  public Wiring wiring() {
    return wiring;
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** Its base address, on loopback when it listens on every interface. */
  public URI uri() {
    String reachable = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create("http://" + reachable + ":" + server.port() + "/");
  }

  /**
   * Stops in order: webhooks are answered 503 with a {@code Retry-After} (and readiness turns 503) while the workers
   * finish the deliveries in progress; then the server stops listening, and the store closes last, so that no
   * request and no worker finds it closed.
   */
  @Override
  public void close() {
    server.stopTakingWebhooks();
    try {
      wiring.workers().close();
      server.close();
      slack.ifPresent(SlackInteractionRoutes::close);
    } finally {
      wiring.close();
    }
  }
}
