package dev.aiops.rca.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.IncidentRepository;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's HTTP face: health endpoints now, webhooks and pages as they arrive. */
public final class RcaHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RcaHttpServer.class);

  private final ObjectMapper json = new ObjectMapper();
  private final IncidentRepository incidents;
  private final AtomicBoolean started = new AtomicBoolean();
  private final Javalin app;

  public RcaHttpServer(String host, int port, IncidentRepository incidents) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.routes.get("/health/live", ctx -> send(ctx, 200, Map.of("status", "UP")));
      config.routes.get("/health/ready", this::ready);
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
        send(ctx, 500, new ErrorBody("internal_error", "the service failed to handle the request"));
      });
      config.routes.error(404, ctx -> send(ctx, 404, new ErrorBody("not_found", "no such endpoint: " + ctx.path())));
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

  private void ready(Context ctx) {
    if (!started.get()) {
      send(ctx, 503, new ErrorBody("starting", "the service is starting"));
      return;
    }
    try {
      incidents.list(IncidentQuery.all(1));
      send(ctx, 200, Map.of("status", "READY"));
    } catch (PortException e) {
      send(ctx, 503, new ErrorBody("store_unavailable", "the incident store cannot be reached"));
    }
  }

  private void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }

  @Override
  public void close() {
    started.set(false);
    app.stop();
  }
}
