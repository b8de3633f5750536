package dev.aiops.rca.app.intake;

import dev.aiops.rca.adapter.jdbc.AcceptOutcome;
import dev.aiops.rca.adapter.jdbc.InboxDelivery;
import dev.aiops.rca.adapter.jdbc.JdbiInbox;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives a webhook: parses it, and stores it in the inbox (with its run claim) before the caller answers; a body
 * that is not a usable webhook, or names values longer than the store keeps, is kept as a rejected delivery. The
 * delivery id comes from an {@code X-Delivery-Id} header when the sender gives one, else from the SHA-256 of the
 * body, so that the same webhook delivered again is recognised.
 */
public final class WebhookIntake {

  /** The headers kept with a delivery; credentials never are. */
  static final List<String> HEADERS_OF_INTEREST = List.of(
      "content-type", "user-agent", "x-delivery-id", "x-request-id", "x-forwarded-for", "x-databricks-org-id");
  /** The longest run or job id the inbox and the incident store keep; real platform ids are far shorter. */
  static final int MAX_ID_LENGTH = 200;
  /** The longest job id the inbox keeps: Data Factory pipeline names, which stand for it, reach 260 characters. */
  static final int MAX_JOB_ID_LENGTH = 260;
  /** The longest job name or workspace the inbox and the incident store keep. */
  static final int MAX_NAME_LENGTH = 500;

  private final WebhookParser parser;
  private final JdbiInbox inbox;
  private final Runnable onAccepted;
  private final Runnable onRunNews;
  private final Clock clock;

  /**
   * @param onAccepted told after each accepted delivery, to wake the workers
   */
  public WebhookIntake(WebhookParser parser, JdbiInbox inbox, Runnable onAccepted, Clock clock) {
    this(parser, inbox, onAccepted, () -> { }, clock);
  }

  /**
   * @param onAccepted told after each accepted delivery, to wake the workers
   * @param onRunNews told after a webhook that brings no new failure (a success, a start, another failure of a run
   *     already known): a run that a remediation started may just have ended, so it is worth asking now
   */
  public WebhookIntake(WebhookParser parser, JdbiInbox inbox, Runnable onAccepted, Runnable onRunNews,
      Clock clock) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
    this.onRunNews = Objects.requireNonNull(onRunNews, "onRunNews");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes one webhook.
   *
   * @param headers the request headers; only {@link #HEADERS_OF_INTEREST} are kept
   * @throws dev.aiops.rca.port.TransientPortException if the inbox cannot be reached: nothing was stored
   */
  public IntakeResult receive(String body, Map<String, String> headers) {
    Instant now = clock.instant();
    Map<String, String> kept = keep(headers);
    String deliveryId = deliveryId(body, kept);
    ParsedWebhook parsed = parser.parse(body, now);
    Optional<String> refusal = parsed instanceof ParsedWebhook.Rejected
        ? Optional.of(((ParsedWebhook.Rejected) parsed).reason())
        : events(parsed).stream().map(WebhookIntake::unstorable).flatMap(Optional::stream).findFirst();
    if (refusal.isPresent()) {
      // PostgreSQL refuses NUL in text: the body is kept with it replaced, so that a refusal is never a 5xx.
      inbox.reject(deliveryId, withoutNul(body), kept, refusal.get());
      return new IntakeResult.Rejected(deliveryId, refusal.get());
    }
    if (parsed instanceof ParsedWebhook.Ignored) {
      onRunNews.run();
      return new IntakeResult.Ignored(((ParsedWebhook.Ignored) parsed).reason());
    }
    List<FailureEvent> events = events(parsed).stream().map(WebhookIntake::withoutNul).toList();
    // One delivery per run: a body naming several runs is stored as several deliveries, each claiming its run.
    boolean single = events.size() == 1;
    IntakeResult result = null;
    for (FailureEvent event : events) {
      String id = single ? deliveryId : deliveryId + "/" + event.run().runId();
      AcceptOutcome outcome = inbox.accept(new InboxDelivery(id, event, kept, now));
      if (outcome instanceof AcceptOutcome.Duplicate) {
        result = result != null ? result : new IntakeResult.Duplicate(id, ((AcceptOutcome.Duplicate) outcome).reason());
      } else {
        result = result instanceof IntakeResult.Accepted ? result : new IntakeResult.Accepted(id);
      }
    }
    if (result instanceof IntakeResult.Accepted) {
      onAccepted.run();
    } else {
      onRunNews.run();
    }
    return result;
  }

  private static List<FailureEvent> events(ParsedWebhook parsed) {
    if (parsed instanceof ParsedWebhook.Failures) {
      return ((ParsedWebhook.Failures) parsed).events();
    }
    return parsed instanceof ParsedWebhook.Failure ? List.of(((ParsedWebhook.Failure) parsed).event()) : List.of();
  }

  /**
   * Why the inbox could not store the event, if it could not: a value longer than its column would fail the insert
   * on every attempt, and a sender told to retry (5xx) would send it forever.
   */
  static Optional<String> unstorable(FailureEvent event) {
    if (event.run().runId().value().length() > MAX_ID_LENGTH) {
      return Optional.of("the run id is not a run id: longer than " + MAX_ID_LENGTH + " characters");
    }
    if (event.jobId().length() > MAX_JOB_ID_LENGTH) {
      return Optional.of("the job id or pipeline name is longer than " + MAX_JOB_ID_LENGTH + " characters");
    }
    if (event.jobName().length() > MAX_NAME_LENGTH) {
      return Optional.of("the job name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (event.workspace().length() > MAX_NAME_LENGTH) {
      return Optional.of("the workspace or factory is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return Optional.empty();
  }

  // A JSON escape can put NUL into any field, and PostgreSQL refuses NUL in text: the insert would fail every time.
  private static FailureEvent withoutNul(FailureEvent event) {
    return new FailureEvent(
        event.run().runId().value().indexOf('\0') < 0 ? event.run()
            : RunKey.of(event.run().source(), withoutNul(event.run().runId().value())),
        withoutNul(event.jobId()), withoutNul(event.jobName()), withoutNul(event.workspace()), event.occurredAt(),
        event.reportedError().map(WebhookIntake::withoutNul), withoutNul(event.rawPayload()));
  }

  private static String withoutNul(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }

  private static Map<String, String> keep(Map<String, String> headers) {
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HEADERS_OF_INTEREST.contains(lower) && value != null) {
        kept.put(lower, value.length() > 500 ? value.substring(0, 500) : value);
      }
    });
    return kept;
  }

  static String deliveryId(String body, Map<String, String> keptHeaders) {
    Optional<String> given = Optional.ofNullable(keptHeaders.get("x-delivery-id"))
        .map(String::strip)
        .filter(id -> id.matches("[A-Za-z0-9._:\\-]{1,150}"));
    return given.map(id -> "hdr:" + id).orElseGet(() -> "sha256:" + sha256(body));
  }

  private static String sha256(String body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
