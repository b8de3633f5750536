package dev.aiops.rca.adapter.web;

import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.ops.OperationsRoutes;
import dev.aiops.rca.adapter.web.slack.SlackInteractionRoutes;
import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.adapter.web.webhook.WebhookRoutes;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP face on Javalin: health and metrics, the failure webhooks (answered 202 once the delivery is
 * stored; processing runs on the inbox workers), and either the dashboard or a read-only incident list. This class
 * owns the server's life and its error answers; the routes live with their jobs.
 */
public final class RcaHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RcaHttpServer.class);

  /** What a webhook sent while the service stops is told: another replica, or this one restarted, takes it then. */
  static final int RETRY_AFTER_STOP_SECONDS = 10;

  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicReference<Server> jetty = new AtomicReference<>();
  private final SlowClients slowClients;
  private final Javalin app;

  /** Health endpoints and the incident list only, without webhook intake. */
  public RcaHttpServer(String host, int port, QueryIncidentsUseCase incidents) {
    this(host, port, incidents, Optional.empty(), WebhookGuard.OPEN);
  }

  /**
   * @param webhooks stores the webhooks of its sources; without it the webhook paths answer 404
   * @param guard checks each webhook request before it is read
   */
  public RcaHttpServer(String host, int port, QueryIncidentsUseCase incidents,
      Optional<ReceiveWebhookUseCase> webhooks, WebhookGuard guard) {
    this(host, port, incidents, webhooks, guard, Optional.empty(), HttpOperations.standalone());
  }

  /**
   * @param webhooks stores the webhooks of its sources; without it the webhook paths answer 404
   * @param guard checks each webhook request before it is read
   * @param pages more routes (the dashboard and its API); when given, they own {@code /api/incidents}
   * @param operations the meters, the webhook limits and the workers' liveness
   */
  public RcaHttpServer(String host, int port, QueryIncidentsUseCase incidents,
      Optional<ReceiveWebhookUseCase> webhooks, WebhookGuard guard, Optional<Consumer<JavalinConfig>> pages,
      HttpOperations operations) {
    this(host, port, incidents, webhooks, guard, pages, operations, HttpDeadlines.STANDARD);
  }

  /**
   * @param webhooks stores the webhooks of its sources; without it the webhook paths answer 404
   * @param guard checks each webhook request before it is read
   * @param pages more routes (the dashboard and its API); when given, they own {@code /api/incidents}
   * @param operations the meters, the webhook limits and the workers' liveness
   * @param deadlines how long a client may take over a request's headers and body, and stay idle
   */
  public RcaHttpServer(String host, int port, QueryIncidentsUseCase incidents,
      Optional<ReceiveWebhookUseCase> webhooks, WebhookGuard guard, Optional<Consumer<JavalinConfig>> pages,
      HttpOperations operations, HttpDeadlines deadlines) {
    this(host, port, incidents, webhooks, guard, pages, operations, deadlines, Optional.empty());
  }

  /**
   * @param webhooks stores the webhooks of its sources; without it the webhook paths answer 404
   * @param guard checks each webhook request before it is read
   * @param pages more routes (the dashboard and its API); when given, they own {@code /api/incidents}
   * @param operations the meters, the webhook limits and the workers' liveness
   * @param deadlines how long a client may take over a request's headers and body, and stay idle
   * @param slack the Approve and Decline buttons of Slack's cards ({@code POST /slack/interactions}, signed by
   *     Slack); without it the path answers 404
   */
  public RcaHttpServer(String host, int port, QueryIncidentsUseCase incidents,
      Optional<ReceiveWebhookUseCase> webhooks, WebhookGuard guard, Optional<Consumer<JavalinConfig>> pages,
      HttpOperations operations, HttpDeadlines deadlines, Optional<SlackInteractionRoutes> slack) {
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(operations, "operations");
    this.slowClients = new SlowClients(Objects.requireNonNull(deadlines, "deadlines"));
    OperationsRoutes operationsRoutes = new OperationsRoutes(incidents, operations,
        () -> started.get() && !stopping.get());
    Optional<WebhookRoutes> webhookRoutes = webhooks.map(use -> new WebhookRoutes(use, guard, operations.limits(),
        operations.metrics()));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.maxRequestSize = operations.limits().maxBodyBytes();
      config.jetty.modifyServer(jetty::set);
      operationsRoutes.mount(config);
      if (pages.isEmpty()) {
        operationsRoutes.mountIncidentList(config);
      }
      webhookRoutes.ifPresent(routes -> {
        refuseWhileStopping(config);
        routes.mount(config);
      });
      pages.ifPresent(mount -> mount.accept(config));
      slack.ifPresent(routes -> routes.mount(config));
      answerErrors(config);
    });
  }

  // Answered before the guard and the rate limit: nothing is stored once the workers are being drained.
  private void refuseWhileStopping(JavalinConfig config) {
    for (String path : webhookPaths()) {
      config.routes.before(path, ctx -> {
        if (stopping.get()) {
          ctx.header("Retry-After", Integer.toString(RETRY_AFTER_STOP_SECONDS));
          throw new HttpResponseException(503, "the service is stopping; send the webhook again after "
              + RETRY_AFTER_STOP_SECONDS + " s");
        }
      });
    }
  }

  private static List<String> webhookPaths() {
    return Stream.of(Source.values()).flatMap(source -> WebhookRoutes.pathsOf(source).stream()).toList();
  }

  private static void answerErrors(JavalinConfig config) {
    config.routes.exception(HttpResponseException.class, (e, ctx) ->
        JsonAnswer.send(ctx, e.getStatus(), new ErrorBody(JsonAnswer.errorCode(e.getStatus()), e.getMessage())));
    config.routes.exception(Exception.class, (e, ctx) -> {
      Optional<Throwable> gone = clientGone(e);
      if (gone.isPresent()) {
        // Nobody is left to answer, and nothing here failed: one line, no trace.
        LOG.warn("request {} {} from {} ended early: the client went away ({})", ctx.method(), ctx.path(),
            ctx.ip(), Objects.requireNonNullElse(gone.get().getMessage(), gone.get().getClass().getSimpleName()));
        return;
      }
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      JsonAnswer.send(ctx, 500, new ErrorBody("internal_error", "the service failed to handle the request"));
    });
    // Only for paths nobody answered: the dashboard's own 404 pages and bodies stand.
    config.routes.error(404, ctx -> {
      if (ctx.result() == null) {
        JsonAnswer.send(ctx, 404, new ErrorBody("not_found", "no such endpoint: " + ctx.path()));
      }
    });
  }

  /** What says the client closed the connection (or was closed for being too slow) before the request ended. */
  private static Optional<Throwable> clientGone(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof EofException || cause instanceof ClosedChannelException) {
        return Optional.of(cause);
      }
    }
    return Optional.empty();
  }

  /** Starts listening; the actual port is {@link #port()}. */
  public RcaHttpServer start() {
    app.start();
    slowClients.watch(jetty.get());
    started.set(true);
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Starts stopping: webhooks are answered 503 with a {@code Retry-After}, readiness turns 503, and everything else
   * is still served while the caller drains the workers; {@link #close()} then stops listening.
   */
  public void stopTakingWebhooks() {
    stopping.set(true);
  }

  @Override
  public void close() {
    started.set(false);
    slowClients.close();
    app.stop();
  }
}
