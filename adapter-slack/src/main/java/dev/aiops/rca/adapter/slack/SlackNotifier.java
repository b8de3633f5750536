package dev.aiops.rca.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.http.SlackHttpClient;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.Notifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier on Slack: one Block Kit message per incident (chat.postMessage), updated in place on every
 * recurrence (chat.update), with at most one threaded reply per message per {@link SlackSettings#threadInterval()}.
 * During a storm of new incidents one summary message lists them (chat.postMessage), redrawn as it grows
 * (chat.update).
 *
 * <p>Nothing is retried here: a resent post could show twice, so 429 and 5xx go back to the caller's outbox as
 * {@link dev.aiops.rca.port.TransientPortException} with Slack's Retry-After. The cards and the time of the last
 * reply are kept in memory, bounded: after a restart the first recurrence of an older message gets a threaded reply
 * but cannot redraw the card it no longer knows. Thread-safe.
 */
public final class SlackNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
  private static final int REMEMBERED = 10_000;

  private final SlackSettings settings;
  private final MethodsClient methods;
  private final Clock clock;
  private final Map<String, SlackCard> cards = bounded();
  private final Map<String, Instant> lastReply = bounded();

  SlackNotifier(SlackSettings settings, Slack slack, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.methods = Objects.requireNonNull(slack, "slack").methods(settings.botToken());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A notifier on the configured workspace through slack-api-client. */
  public static SlackNotifier create(SlackSettings settings) {
    return new SlackNotifier(settings, slack(settings), Clock.systemUTC());
  }

  static Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
    // With statistics on, the SDK first calls auth.test behind our back; we have no use for its metrics.
    config.setStatsEnabled(false);
    int timeout = (int) settings.requestTimeout().toMillis();
    config.setHttpClientReadTimeoutMillis(timeout);
    config.setHttpClientWriteTimeoutMillis(timeout);
    config.setHttpClientCallTimeoutMillis(timeout);
    // OkHttp silently resends a request when a pooled connection turns out stale, even a POST that Slack may
    // already have acted on: that would post the alert twice.
    OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build();
    return Slack.getInstance(config, new SlackHttpClient(http));
  }

  @Override
  public NotificationRef notify(Notification notification) {
    SlackCard card = SlackCard.of(notification);
    ChatPostMessageRequest request = ChatPostMessageRequest.builder()
        .channel(SlackRouting.channel(notification, settings.channel()))
        .text(card.fallbackText())
        .blocks(card.blocks(settings.dashboardUrl(), settings.approvalButtons()))
        .unfurlLinks(false)
        .unfurlMedia(false)
        .build();
    ChatPostMessageResponse response = call("post the alert", () -> methods.chatPostMessage(request));
    if (!response.isOk()) {
      throw SlackErrors.fromError("post the alert", response.getError(), response.getNeeded());
    }
    NotificationRef ref = new NotificationRef(response.getChannel(), response.getTs());
    cards.put(key(ref), card);
    LOG.debug("slack alert for incident {} posted as {}", notification.incident().id(), ref.messageId());
    return ref;
  }

  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    String key = key(message);
    SlackCard card = cards.computeIfPresent(key, (k, known) -> known.recurred(recurrence));
    if (card != null) {
      redraw(message, card, "update the alert");
    } else {
      LOG.info("slack alert {} is not known since the start; only a threaded reply is possible", message.messageId());
    }
    replyIfDue(message, recurrence);
  }

  @Override
  public void refresh(NotificationRef message, Notification current) {
    SlackCard card = SlackCard.of(current);
    cards.put(key(message), card);
    redraw(message, card, "redraw the alert");
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    ChatPostMessageRequest request = ChatPostMessageRequest.builder()
        .channel(settings.channel())
        .text(SlackStormText.of(summary, settings.dashboardUrl()))
        .unfurlLinks(false)
        .unfurlMedia(false)
        .build();
    ChatPostMessageResponse response = call("post the storm summary", () -> methods.chatPostMessage(request));
    if (!response.isOk()) {
      throw SlackErrors.fromError("post the storm summary", response.getError(), response.getNeeded());
    }
    return new NotificationRef(response.getChannel(), response.getTs());
  }

  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    ChatUpdateRequest request = ChatUpdateRequest.builder()
        .channel(message.channel())
        .ts(message.messageId())
        .text(SlackStormText.of(summary, settings.dashboardUrl()))
        .build();
    ChatUpdateResponse response = call("redraw the storm summary", () -> methods.chatUpdate(request));
    if (!response.isOk()) {
      throw SlackErrors.fromError("redraw the storm summary", response.getError(), response.getNeeded());
    }
  }

  /** Replaces the posted message with {@code card}; {@code call} names the step in an error. */
  private void redraw(NotificationRef message, SlackCard card, String call) {
    ChatUpdateRequest request = ChatUpdateRequest.builder()
        .channel(message.channel())
        .ts(message.messageId())
        .text(card.fallbackText())
        .blocks(card.blocks(settings.dashboardUrl(), settings.approvalButtons()))
        .build();
    ChatUpdateResponse response = call(call, () -> methods.chatUpdate(request));
    if (!response.isOk()) {
      throw SlackErrors.fromError(call, response.getError(), response.getNeeded());
    }
  }

  // One reply per message per interval, decided atomically so that concurrent recurrences cannot both reply.
  private void replyIfDue(NotificationRef message, Recurrence recurrence) {
    Instant now = clock.instant();
    AtomicBoolean due = new AtomicBoolean();
    lastReply.compute(key(message), (k, last) -> {
      if (last == null || !now.isBefore(last.plus(settings.threadInterval()))) {
        due.set(true);
        return now;
      }
      return last;
    });
    if (!due.get()) {
      return;
    }
    ChatPostMessageRequest reply = ChatPostMessageRequest.builder()
        .channel(message.channel())
        .threadTs(message.messageId())
        .text("Failed again: run " + SlackCard.escape(recurrence.run().toString()) + " at " + recurrence.at()
            + ", occurrence " + recurrence.occurrences() + ". Further recurrences update the message above.")
        .build();
    try {
      ChatPostMessageResponse response = call("reply in the alert's thread", () -> methods.chatPostMessage(reply));
      if (!response.isOk()) {
        throw SlackErrors.fromError("reply in the alert's thread", response.getError(), response.getNeeded());
      }
    } catch (PortException e) {
      lastReply.remove(key(message), now); // no reply went out, so the next recurrence may try again
      throw e;
    }
  }

  /** One SDK call. */
  @FunctionalInterface
  interface SlackCall<T> {
    T run() throws IOException, SlackApiException;
  }

  /** Runs one SDK call, turning what it throws into port exceptions; {@code what} names the step in them. */
  static <T> T call(String what, SlackCall<T> call) {
    try {
      return call.run();
    } catch (SlackApiException e) {
      throw SlackErrors.fromHttp(what, e);
    } catch (IOException e) {
      throw SlackErrors.fromTransport(what, e);
    } catch (RuntimeException e) {
      throw SlackErrors.unexpected(what, e);
    }
  }

  private static String key(NotificationRef ref) {
    return ref.channel() + "/" + ref.messageId();
  }

  private static <V> Map<String, V> bounded() {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > REMEMBERED;
      }
    });
  }
}
