package dev.aiops.rca.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiops.rca.app.metrics.ServiceMetrics;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.port.out.IncidentRepository;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP face: health, metrics, the failure webhooks (answered 202 once the delivery is stored;
 * processing runs on the inbox workers) and a read-only incident list.
 */
public final class RcaHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RcaHttpServer.class);

  private final ObjectMapper json = new ObjectMapper();
  /** The most of an over-long body that is read and dropped so that its sender can read the 413. */
  private static final long MAX_DISCARD = 32L * 1024 * 1024;

  /** The paths that take Databricks failure webhooks; the second is the legacy one. */
  public static final List<String> DATABRICKS_WEBHOOK_PATHS = List.of("/webhooks/databricks", "/databricks-monitor");
  /** The paths that take Azure Monitor alerts and Data Factory pipeline posts; the second is the legacy one. */
  public static final List<String> ADF_WEBHOOK_PATHS = List.of("/webhooks/adf", "/azure-monitor");

  private final IncidentRepository incidents;
  private final WebhookGuard guard;
  private final HttpOperations operations;
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Javalin app;

  /** Health endpoints and the incident list only, without webhook intake. */
  public RcaHttpServer(String host, int port, IncidentRepository incidents) {
    this(host, port, incidents, Optional.empty(), WebhookGuard.OPEN);
  }

  /**
   * @param intake stores webhooks of the platforms it reads; without it the webhook paths answer 404
   * @param guard checks each webhook request before it is read
   */
  public RcaHttpServer(String host, int port, IncidentRepository incidents, Optional<ReceiveWebhookUseCase> intake,
      WebhookGuard guard) {
    this(host, port, incidents, intake, guard, Optional.empty(), HttpOperations.standalone());
  }

  /**
   * @param intake stores webhooks of the platforms it reads, each on its paths
   * @param guard checks each webhook request before it is read
   * @param pages more routes (the dashboard and its API); when given, they own {@code /api/incidents}
   * @param operations the meters, the webhook limits and the workers' liveness
   */
  public RcaHttpServer(String host, int port, IncidentRepository incidents, Optional<ReceiveWebhookUseCase> intake,
      WebhookGuard guard, Optional<Consumer<JavalinConfig>> pages, HttpOperations operations) {
    this.operations = Objects.requireNonNull(operations, "operations");
    WebhookLimits limits = operations.limits();
    List<Source> sources = intake.map(i -> List.copyOf(i.sources())).orElse(List.of());
    sources.forEach(source -> buckets.put(label(source),
        new TokenBucket(limits.ratePerSecond(), limits.burst(), System::nanoTime)));
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.guard = Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(pages, "pages");
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.maxRequestSize = limits.maxBodyBytes();
      config.routes.get("/health/live", ctx -> send(ctx, 200, Map.of("status", "UP")));
      config.routes.get("/health/ready", this::ready);
      config.routes.get("/metrics", ctx -> ctx.contentType(ServiceMetrics.contentType())
          .result(operations.metrics().scrape()));
      if (pages.isEmpty()) {
        config.routes.get("/api/incidents", this::listIncidents);
      }
      sources.forEach(source -> paths(source).forEach(path ->
          config.routes.post(path, ctx -> webhook(ctx, source, intake.orElseThrow()))));
      pages.ifPresent(mount -> mount.accept(config));
      config.routes.exception(HttpResponseException.class, (e, ctx) ->
          send(ctx, e.getStatus(), new ErrorBody(errorCode(e.getStatus()), e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
        send(ctx, 500, new ErrorBody("internal_error", "the service failed to handle the request"));
      });
      // Only for paths nobody answered: the dashboard's own 404 pages and bodies stand.
      config.routes.error(404, ctx -> {
        if (ctx.result() == null) {
          send(ctx, 404, new ErrorBody("not_found", "no such endpoint: " + ctx.path()));
        }
      });
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
    int alive = operations.aliveWorkers().getAsInt();
    if (alive < operations.workers()) {
      send(ctx, 503, new ErrorBody("workers_stopped", (operations.workers() - alive) + " of "
          + operations.workers() + " inbox workers stopped; webhooks are stored but not processed"));
      return;
    }
    try {
      incidents.list(IncidentQuery.all(1));
      send(ctx, 200, Map.of("status", "READY", "workers", Map.of("alive", alive, "expected", operations.workers())));
    } catch (PortException e) {
      send(ctx, 503, new ErrorBody("store_unavailable", "the incident store cannot be reached"));
    }
  }

  /** The paths that take a platform's webhooks. */
  static List<String> paths(Source source) {
    return source == Source.ADF ? ADF_WEBHOOK_PATHS : DATABRICKS_WEBHOOK_PATHS;
  }

  /** {@code databricks} or {@code adf}, as the metrics and messages name a source. */
  static String label(Source source) {
    return source.name().toLowerCase(Locale.ROOT);
  }

  private void webhook(Context ctx, Source platform, ReceiveWebhookUseCase intake) {
    String source = label(platform);
    ServiceMetrics metrics = operations.metrics();
    try {
      guard.check(ctx);
    } catch (HttpResponseException e) {
      metrics.webhook(source, e.getStatus() == 401 ? "unauthorized" : "refused");
      throw e;
    }
    Duration wait = buckets.get(source).take();
    if (!wait.isZero()) {
      metrics.webhook(source, "rate_limited");
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      send(ctx, 429, new ErrorBody("too_many_requests", "more than " + operations.limits().ratePerSecond()
          + " " + source + " webhooks a second (RCA_WEBHOOK_RATE); send it again after " + seconds + " s"));
      return;
    }
    if (ctx.contentLength() > operations.limits().maxBodyBytes()) {
      discard(ctx);
      tooLarge(ctx, source);
      return;
    }
    String body;
    try {
      body = ctx.body();
    } catch (HttpResponseException e) {
      if (e.getStatus() != 413) {
        throw e;
      }
      tooLarge(ctx, source); // a body without a length, cut off by Javalin at the same limit
      return;
    }
    IntakeResult result;
    try {
      result = intake.receive(platform, body, ctx.headerMap());
    } catch (PortException e) {
      metrics.webhook(source, "store_unavailable");
      LOG.warn("webhook on {} not stored: {}", ctx.path(), e.getMessage());
      send(ctx, 503, new ErrorBody("store_unavailable", "the webhook could not be stored; send it again later"));
      return;
    }
    if (result instanceof IntakeResult.Accepted) {
      metrics.webhook(source, "accepted");
      send(ctx, 202, Map.of("status", "accepted", "delivery", ((IntakeResult.Accepted) result).deliveryId()));
    } else if (result instanceof IntakeResult.Duplicate) {
      metrics.webhook(source, "duplicate");
      metrics.duplicateAtIntake();
      IntakeResult.Duplicate duplicate = (IntakeResult.Duplicate) result;
      send(ctx, 202, Map.of("status", "duplicate", "delivery", duplicate.deliveryId(), "reason", duplicate.reason()));
    } else if (result instanceof IntakeResult.Ignored) {
      metrics.webhook(source, "ignored");
      send(ctx, 200, Map.of("status", "ignored", "reason", ((IntakeResult.Ignored) result).reason()));
    } else {
      metrics.webhook(source, "rejected");
      send(ctx, 400, new ErrorBody("invalid_webhook", ((IntakeResult.Rejected) result).reason()));
    }
  }

  // Refused unread and unstored: no failure webhook is this large, so it is a mistake or an attack.
  /**
   * Reads and drops an over-long body (up to {@link #MAX_DISCARD} bytes) before answering: a sender still writing
   * when the connection is closed under it never sees the 413 and its reason.
   */
  private static void discard(Context ctx) {
    byte[] buffer = new byte[64 * 1024];
    long left = Math.min(ctx.contentLength(), MAX_DISCARD);
    try (InputStream in = ctx.req().getInputStream()) {
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= read;
      }
    } catch (IOException e) {
      // The sender went away; the answer below is best effort.
    }
  }

  private void tooLarge(Context ctx, String source) {
    operations.metrics().webhook(source, "too_large");
    send(ctx, 413, new ErrorBody("too_large", "webhook bodies are limited to " + operations.limits().maxBodyBytes()
        + " bytes; this one was not stored"));
  }

  private void listIncidents(Context ctx) {
    int limit;
    try {
      limit = Integer.parseInt(Optional.ofNullable(ctx.queryParam("limit")).orElse("50"));
      IncidentQuery.all(limit);
    } catch (IllegalArgumentException e) {
      send(ctx, 400, new ErrorBody("invalid_query", "limit must be a number from 1 to 1000"));
      return;
    }
    List<Map<String, Object>> rows = incidents.list(IncidentQuery.all(limit)).stream().map(RcaHttpServer::row).toList();
    send(ctx, 200, Map.of("incidents", rows));
  }

  private static Map<String, Object> row(Incident incident) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", incident.id().value());
    row.put("job", incident.jobName());
    row.put("status", incident.status().name());
    row.put("category", incident.analysis().category().name());
    row.put("occurrences", incident.occurrences());
    row.put("firstRun", incident.firstRun().toString());
    row.put("firstSeen", incident.firstSeen().toString());
    row.put("lastSeen", incident.lastSeen().toString());
    row.put("ticket", incident.ticket().map(t -> t.key()).orElse(null));
    row.put("notified", incident.notification().isPresent());
    return row;
  }

  private static String errorCode(int status) {
    switch (status) {
      case 401: return "unauthorized";
      case 403: return "forbidden";
      case 404: return "not_found";
      case 413: return "too_large";
      case 429: return "too_many_requests";
      default: return "refused";
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
