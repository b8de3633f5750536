package dev.aiops.rca.assistant;

import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.out.Notifier;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A notifier that writes alerts to the log, when no other is configured (for the service and the starter). */
public final class LogNotifier implements Notifier {

  public static final String CHANNEL = "log";
  private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

  @Override
  public NotificationRef notify(Notification notification) {
    String id = UUID.randomUUID().toString();
    LOG.info("ALERT {} (incident {}, ticket {}): {}", notification.title(), notification.incident().id(),
        notification.ticket().map(t -> t.key()).orElse("none"), notification.text());
    return new NotificationRef(CHANNEL, id);
  }

  @Override
  public void refresh(NotificationRef message, Notification current) {
    LOG.info("ALERT now: {} (incident {}, ticket {}): {}", current.title(), current.incident().id(),
        current.ticket().map(t -> t.key()).orElse("none"), current.text());
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    LOG.info("ALERT STORM: {}", describe(summary));
    return new NotificationRef(CHANNEL, UUID.randomUUID().toString());
  }

  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    LOG.info("ALERT STORM now: {}", describe(summary));
  }

  private static String describe(StormSummary summary) {
    StringBuilder text = new StringBuilder(summary.count() + " new incidents since " + summary.since()
        + ", one message for all:");
    summary.listed().forEach(entry -> text.append(" [incident ").append(entry.incident()).append(' ')
        .append(entry.title()).append(", ticket ").append(entry.ticket().orElse("none")).append(']'));
    if (summary.unlisted() > 0) {
      text.append(" and ").append(summary.unlisted()).append(" more");
    }
    return text.toString();
  }

  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    LOG.info("ALERT update: incident {} failed again (occurrence {}, run {})", recurrence.incident(),
        recurrence.occurrences(), recurrence.run());
  }
}
