package dev.aiops.rca.adapter.web.slack;

import dev.aiops.rca.adapter.web.support.ErrorBody;
import dev.aiops.rca.adapter.web.support.JsonAnswer;
import dev.aiops.rca.port.in.DecideRemediationUseCase;
import dev.aiops.rca.port.in.QueryIncidentsUseCase;
import dev.aiops.rca.port.in.RefuseDecisionUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/interactions}: the Approve and Decline buttons of an incident's card. The route sits outside
 * the API key and the dashboard's session and CSRF check; Slack's signature ({@link SlackSignature}) is its only
 * credential, verified on the raw body before anything is parsed. A request seen before (by its signature, or by
 * Slack's {@code trigger_id}) is answered and not acted on again. Slack wants its answer within 3 s, so the press
 * is answered 200 at once and acted on by one worker behind it ({@link SlackDecisions}), one press at a time.
 */
public final class SlackInteractionRoutes implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionRoutes.class);

  /** Where the Slack app's Interactivity Request URL points. */
  public static final String PATH = "/slack/interactions";
  /** Far above a button's payload (a few KB with the message it was on), far below the webhooks' 1 MiB. */
  static final int MAX_BODY_BYTES = 256 * 1024;
  /** Presses waiting for the worker before further ones are answered 503. */
  static final int QUEUE = 100;
  private static final int REMEMBERED = 10_000;

  private final SlackSignature signature;
  private final SlackDecisions decisions;
  private final Consumer<Runnable> work;
  private final Optional<ExecutorService> owned;
  private final Clock clock;
  // Signatures and trigger ids seen in the last tolerance window: older requests fail the timestamp check anyway.
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  /** The routes, acting on presses on a worker thread of their own, closed with {@link #close()}. */
  public SlackInteractionRoutes(SlackInteractionSettings settings, SlackEmails emails, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase decide, RefuseDecisionUseCase refuse, Clock clock) {
    this(settings, emails, incidents, decide, refuse, clock, worker(), new SlackReplies());
  }

  private SlackInteractionRoutes(SlackInteractionSettings settings, SlackEmails emails,
      QueryIncidentsUseCase incidents, DecideRemediationUseCase decide, RefuseDecisionUseCase refuse, Clock clock,
      ExecutorService worker, SlackReplies replies) {
    this(settings, emails, incidents, decide, refuse, clock, worker::execute, replies, Optional.of(worker));
  }

  /** The test seam: {@code work} runs each press (tests run it at once, on the request's thread). */
  SlackInteractionRoutes(SlackInteractionSettings settings, SlackEmails emails, QueryIncidentsUseCase incidents,
      DecideRemediationUseCase decide, RefuseDecisionUseCase refuse, Clock clock, Consumer<Runnable> work,
      SlackReplies replies, Optional<ExecutorService> owned) {
    Objects.requireNonNull(settings, "settings");
    this.signature = new SlackSignature(settings.signingSecret(), clock);
    this.decisions = new SlackDecisions(settings.approvers(), emails, incidents, decide, refuse, replies);
    this.work = Objects.requireNonNull(work, "work");
    this.owned = Objects.requireNonNull(owned, "owned");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static ExecutorService worker() {
    ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE), runnable -> {
          Thread thread = new Thread(runnable, "slack-decisions");
          thread.setDaemon(true);
          return thread;
        });
    return worker;
  }

  /** Adds {@code POST /slack/interactions} to {@code config}. */
  public void mount(JavalinConfig config) {
    config.routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) {
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      JsonAnswer.send(ctx, 413, new ErrorBody("too_large", "a Slack interaction is at most " + MAX_BODY_BYTES
          + " bytes"));
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      JsonAnswer.send(ctx, 413, new ErrorBody("too_large", "a Slack interaction is at most " + MAX_BODY_BYTES
          + " bytes"));
      return;
    }
    String sent = ctx.header("X-Slack-Signature");
    Optional<String> refusal = signature.refusal(ctx.header("X-Slack-Request-Timestamp"), sent, body);
    if (refusal.isPresent()) {
      LOG.warn("slack interaction from {} refused: {}", ctx.ip(), refusal.get());
      JsonAnswer.send(ctx, 401, new ErrorBody("unauthorized", refusal.get()));
      return;
    }
    if (!firstTime("signature:" + sent)) {
      LOG.warn("slack interaction from {} was seen before; not acted on again", ctx.ip());
      ctx.status(200);
      return;
    }
    Optional<SlackPress> press;
    try {
      press = SlackPress.read(body);
    } catch (IllegalArgumentException e) {
      JsonAnswer.send(ctx, 400, new ErrorBody("bad_request", e.getMessage()));
      return;
    }
    if (press.isEmpty()) {
      ctx.status(200); // a link button's press, or an interaction of another kind: nothing to do
      return;
    }
    if (!press.get().triggerId().isEmpty() && !firstTime("trigger:" + press.get().triggerId())) {
      LOG.warn("slack press {} was seen before; not acted on again", press.get().triggerId());
      ctx.status(200);
      return;
    }
    try {
      work.accept(() -> decisions.act(press.get()));
    } catch (RejectedExecutionException e) {
      forget("signature:" + sent);
      forget("trigger:" + press.get().triggerId());
      ctx.header("Retry-After", "5");
      JsonAnswer.send(ctx, 503, new ErrorBody("unavailable", "too many presses at once; press again"));
      return;
    }
    ctx.status(200);
  }

  /** Remembers {@code key}; false when it was remembered already. */
  private boolean firstTime(String key) {
    Instant now = clock.instant();
    synchronized (seen) {
      Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
      while (oldest.hasNext()) {
        Map.Entry<String, Instant> entry = oldest.next();
        if (seen.size() <= REMEMBERED && !entry.getValue().plus(SlackSignature.TOLERANCE.multipliedBy(2))
            .isBefore(now)) {
          break;
        }
        oldest.remove();
      }
      return seen.putIfAbsent(key, now) == null;
    }
  }

  private void forget(String key) {
    synchronized (seen) {
      seen.remove(key);
    }
  }

  /** Stops the worker; presses still waiting are dropped (Slack's card still shows their buttons). */
  @Override
  public void close() {
    owned.ifPresent(ExecutorService::shutdownNow);
  }
}
