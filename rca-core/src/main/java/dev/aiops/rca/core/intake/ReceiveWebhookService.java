package dev.aiops.rca.core.intake;

import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.Delivery;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.FailureReport;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import dev.aiops.rca.port.in.ReceiveWebhookUseCase;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.WebhookReader;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Receives a webhook: reads it with its platform's reader and stores it in the inbox (with its run's claim) before
 * the caller answers. A body that is not a usable webhook, or names values longer than the inbox keeps, is kept as a
 * rejected delivery with the reason. A body naming several runs is stored as one delivery per run; an alert window
 * as one delivery named by its firing, so that the same firing delivered twice is one window. A body naming more
 * runs than the limit is refused whole and kept as a rejected delivery: one body must not fan out without bound.
 *
 * <p>The body is redacted before it is read, so that neither the stored body nor anything read from it keeps a
 * secret at rest; the redaction keeps a JSON body's structure, so that the stored body reads as the same webhook.
 */
public final class ReceiveWebhookService implements ReceiveWebhookUseCase {

  /** How many runs one body may name when no limit is given. */
  public static final int DEFAULT_MAX_RUNS = 100;

  private final Map<Source, WebhookReader> readers = new EnumMap<>(Source.class);
  private final DeliveryInbox inbox;
  private final Runnable onAccepted;
  private final Runnable onRunNews;
  private final Clock clock;
  private final int maxRuns;
  private final Redactor redactor;

  /** Takes bodies of up to {@link #DEFAULT_MAX_RUNS} runs, redacted by the standard redactor. */
  public ReceiveWebhookService(List<WebhookReader> readers, DeliveryInbox inbox, Runnable onAccepted,
      Runnable onRunNews, Clock clock) {
    this(readers, inbox, onAccepted, onRunNews, clock, DEFAULT_MAX_RUNS, Redactor.standard());
  }

  /**
   * @param onAccepted told after each accepted delivery, to wake the workers
   * @param onRunNews told after a webhook that brings no new failure (a success, a start, another failure of a run
   *     already known): a run that a remediation started may just have ended, so it is worth asking now
   * @param maxRuns how many runs one body may name
   * @param redactor redacts each body before it is read and stored
   */
  public ReceiveWebhookService(List<WebhookReader> readers, DeliveryInbox inbox, Runnable onAccepted,
      Runnable onRunNews, Clock clock, int maxRuns, Redactor redactor) {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("maxRuns must be positive, was " + maxRuns);
    }
    this.maxRuns = maxRuns;
    readers.forEach(reader -> this.readers.put(reader.source(), reader));
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
    this.onRunNews = Objects.requireNonNull(onRunNews, "onRunNews");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public Set<Source> sources() {
    return Set.copyOf(readers.keySet());
  }

  @Override
  public IntakeResult receive(Source source, String received, Map<String, String> headers) {
    WebhookReader reader = readers.get(source);
    if (reader == null) {
      throw new IllegalArgumentException("no webhook reader for " + source);
    }
    Instant now = clock.instant();
    Map<String, String> kept = DeliveryIds.keep(headers);
    String deliveryId = DeliveryIds.deliveryId(received, kept);
    String body = redactor.redactBody(received);
    WebhookReading reading = reader.read(body, now);
    List<FailureReport> reports = reports(reading);
    if (reports.size() > maxRuns) {
      IntakeResult.TooManyRuns tooMany = new IntakeResult.TooManyRuns(deliveryId, reports.size(), maxRuns);
      inbox.reject(deliveryId, body, kept, tooMany.reason(), now);
      return tooMany;
    }
    Optional<String> refusal = reading instanceof WebhookReading.Unusable unusable ? Optional.of(unusable.reason())
        : reports.stream().map(StorableReports::unstorable).flatMap(Optional::stream).findFirst();
    if (refusal.isPresent()) {
      inbox.reject(deliveryId, body, kept, refusal.get(), now);
      return new IntakeResult.Rejected(deliveryId, refusal.get());
    }
    if (reports.isEmpty()) {
      onRunNews.run();
      return new IntakeResult.Ignored(reading instanceof WebhookReading.Resolved resolved ? resolved.detail()
          : ((WebhookReading.Ignored) reading).reason());
    }
    List<IntakeResult> stored = reports.stream()
        .map(report -> inbox.accept(new Delivery(idOf(report, deliveryId, reports.size()), report, kept, now)))
        .toList();
    Optional<IntakeResult> accepted = stored.stream().filter(IntakeResult.Accepted.class::isInstance).findFirst()
        .map(first -> new IntakeResult.Accepted(((IntakeResult.Accepted) first).deliveryId(), reports.size()));
    (accepted.isPresent() ? onAccepted : onRunNews).run();
    return accepted.orElse(stored.get(0));
  }

  /** The runs named, or the alert window; nothing for a body that brings no failure. */
  private static List<FailureReport> reports(WebhookReading reading) {
    if (reading instanceof WebhookReading.FailuresInWindow found) {
      return List.of(found.window());
    }
    return reading instanceof WebhookReading.RunFailures failures ? List.copyOf(failures.events()) : List.of();
  }

  /** A window is named by its firing; each of several runs in one body gets a delivery of its own. */
  private static String idOf(FailureReport report, String deliveryId, int reports) {
    if (report instanceof AlertWindow window) {
      return "alert:" + window.key();
    }
    return reports == 1 ? deliveryId : deliveryId + "/" + ((FailureEvent) report).run().runId();
  }
}
