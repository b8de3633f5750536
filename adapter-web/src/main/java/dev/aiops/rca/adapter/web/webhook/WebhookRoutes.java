package dev.aiops.rca.adapter.web.webhook;

import dev.aiops.rca.adapter.web.metrics.ServiceMetrics;
import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure webhooks: each request is guarded, rate-limited per source and size-limited before its body is
 * read, then stored through {@link ReceiveWebhookUseCase} and answered (202 once stored; processing runs later).
 */
public final class WebhookRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

  /** The paths that take Databricks failure webhooks; the second is the legacy one. */
  public static final List<String> DATABRICKS_WEBHOOK_PATHS = List.of("/webhooks/databricks", "/databricks-monitor");
  /** The paths that take Azure Monitor alerts and Data Factory pipeline posts; the second is the legacy one. */
  public static final List<String> ADF_WEBHOOK_PATHS = List.of("/webhooks/adf", "/azure-monitor");

  /** The most of an over-long body that is read and dropped so that its sender can read the 413. */
  private static final long MAX_DISCARD = 32L * 1024 * 1024;
  // How long a sender waits before sending a webhook the store could not take: a busy pool frees up in moments.
  static final String STORE_RETRY_AFTER_SECONDS = "2";
  // At most this many webhooks wait on the store at once; the others are told to come back at once rather than
  // queue in the server until the sender gives up (a burst at a cold service otherwise ran into client timeouts).
  static final int MAX_STORING = 64;
  private static final long ADMISSION_WAIT_MILLIS = 250;

  private final ReceiveWebhookUseCase webhooks;
  private final WebhookGuard guard;
  private final WebhookLimits limits;
  private final ServiceMetrics metrics;
  private final Map<Source, TokenBucket> buckets = new EnumMap<>(Source.class);
  private final Semaphore storing = new Semaphore(MAX_STORING);

  /** @param guard checks each request before it is read */
  public WebhookRoutes(ReceiveWebhookUseCase webhooks, WebhookGuard guard, WebhookLimits limits,
      ServiceMetrics metrics) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    webhooks.sources().forEach(source -> buckets.put(source,
        new TokenBucket(limits.ratePerSecond(), limits.burst(), System::nanoTime)));
  }

  /** The paths that take webhooks from {@code source}. */
  public static List<String> pathsOf(Source source) {
    return source == Source.ADF ? ADF_WEBHOOK_PATHS : DATABRICKS_WEBHOOK_PATHS;
  }

  /** Adds a POST route on each path of each source the use case takes. */
  public void mount(JavalinConfig config) {
    buckets.keySet().forEach(source -> pathsOf(source).forEach(path ->
        config.routes.post(path, ctx -> receive(ctx, source))));
  }

  private void receive(Context ctx, Source source) {
    // The label the meters and messages use: "databricks", "adf".
    String label = source.name().toLowerCase(Locale.ROOT);
    try {
      guard.check(ctx);
    } catch (HttpResponseException e) {
      metrics.webhook(label, e.getStatus() == 401 ? "unauthorized" : "refused");
      throw e;
    }
    Duration wait = buckets.get(source).take();
    if (!wait.isZero()) {
      metrics.webhook(label, "rate_limited");
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      JsonAnswer.send(ctx, 429, new ErrorBody("too_many_requests", "more than " + limits.ratePerSecond()
          + " " + label + " runs a second (RCA_WEBHOOK_RATE, a body counting once per run it names); send it again"
          + " after " + seconds + " s"));
      return;
    }
    if (ctx.contentLength() > limits.maxBodyBytes()) {
      discard(ctx);
      tooLarge(ctx, label);
      return;
    }
    String body;
    try {
      body = ctx.body();
    } catch (HttpResponseException e) {
      if (e.getStatus() != 413) {
        throw e;
      }
      tooLarge(ctx, label); // a body without a length, cut off by Javalin at the same limit
      return;
    }
    if (!admitted()) {
      metrics.webhook(label, "store_busy");
      storeUnavailable(ctx);
      return;
    }
    IntakeResult result;
    try {
      result = webhooks.receive(source, body, ctx.headerMap());
    } catch (PortException e) {
      metrics.webhook(label, "store_unavailable");
      LOG.warn("webhook on {} not stored: {}", ctx.path(), e.getMessage());
      storeUnavailable(ctx);
      return;
    } catch (RuntimeException e) {
      // Nothing was stored either way: the sender must hear that it may send again, never a bare 500.
      metrics.webhook(label, "store_unavailable");
      LOG.error("webhook on {} not stored", ctx.path(), e);
      storeUnavailable(ctx);
      return;
    } finally {
      storing.release();
    }
    // The request took one token before its body was read; each further run it named is paid for now, so that
    // the rate counts runs, not requests.
    if (result instanceof IntakeResult.Accepted accepted && accepted.runs() > 1) {
      buckets.get(source).charge(accepted.runs() - 1);
    }
    answer(ctx, label, result);
  }

  private boolean admitted() {
    try {
      return storing.tryAcquire(ADMISSION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void storeUnavailable(Context ctx) {
    ctx.header("Retry-After", STORE_RETRY_AFTER_SECONDS);
    JsonAnswer.send(ctx, 503, new ErrorBody("store_unavailable", "the webhook could not be stored; send it again"
        + " after " + STORE_RETRY_AFTER_SECONDS + " s"));
  }

  private void answer(Context ctx, String label, IntakeResult result) {
    if (result instanceof IntakeResult.Accepted accepted) {
      metrics.webhook(label, "accepted");
      JsonAnswer.send(ctx, 202, Map.of("status", "accepted", "delivery", accepted.deliveryId()));
    } else if (result instanceof IntakeResult.Duplicate duplicate) {
      metrics.webhook(label, "duplicate");
      metrics.duplicateAtIntake();
      JsonAnswer.send(ctx, 202, Map.of("status", "duplicate", "delivery", duplicate.deliveryId(),
          "reason", duplicate.reason()));
    } else if (result instanceof IntakeResult.Ignored ignored) {
      metrics.webhook(label, "ignored");
      JsonAnswer.send(ctx, 200, Map.of("status", "ignored", "reason", ignored.reason()));
    } else if (result instanceof IntakeResult.TooManyRuns tooMany) {
      metrics.webhook(label, "too_many_runs");
      JsonAnswer.send(ctx, 413, new ErrorBody("too_many_runs", tooMany.reason()));
    } else {
      metrics.webhook(label, "rejected");
      JsonAnswer.send(ctx, 400, new ErrorBody("invalid_webhook", ((IntakeResult.Rejected) result).reason()));
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

  private void tooLarge(Context ctx, String label) {
    metrics.webhook(label, "too_large");
    JsonAnswer.send(ctx, 413, new ErrorBody("too_large", "webhook bodies are limited to " + limits.maxBodyBytes()
        + " bytes; this one was not stored"));
  }
}
