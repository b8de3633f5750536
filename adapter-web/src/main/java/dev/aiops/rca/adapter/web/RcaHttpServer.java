package dev.aiops.rca.adapter.web;

import dev.aiops.rca.adapter.web.ops.HttpOperations;
import dev.aiops.rca.adapter.web.ops.OperationsRoutes;
import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.adapter.web.webhook.WebhookGuard;
import dev.aiops.rca.adapter.web.webhook.WebhookRoutes;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP face on Javalin: health and metrics, the failure webhooks (answered 202 once the delivery is
 * stored; processing runs on the inbox workers), and either the dashboard or a read-only incident list. This class
 * owns the server's life and its error answers; the routes live with their jobs.
 */
public final class RcaHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RcaHttpServer.class);

  private final AtomicBoolean started = new AtomicBoolean();
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
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(operations, "operations");
    OperationsRoutes operationsRoutes = new OperationsRoutes(incidents, operations, started::get);
    Optional<WebhookRoutes> webhookRoutes = webhooks.map(use -> new WebhookRoutes(use, guard, operations.limits(),
        operations.metrics()));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.maxRequestSize = operations.limits().maxBodyBytes();
      operationsRoutes.mount(config);
      if (pages.isEmpty()) {
        operationsRoutes.mountIncidentList(config);
      }
      webhookRoutes.ifPresent(routes -> routes.mount(config));
      pages.ifPresent(mount -> mount.accept(config));
      answerErrors(config);
    });
  }

  private static void answerErrors(JavalinConfig config) {
    config.routes.exception(HttpResponseException.class, (e, ctx) ->
        JsonAnswer.send(ctx, e.getStatus(), new ErrorBody(JsonAnswer.errorCode(e.getStatus()), e.getMessage())));
    config.routes.exception(Exception.class, (e, ctx) -> {
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

  /** Starts listening; the actual port is {@link #port()}. */
  public RcaHttpServer start() {
    app.start();
    started.set(true);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    started.set(false);
    app.stop();
  }
}
