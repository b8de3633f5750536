package dev.aiops.rca.app;

import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.port.out.Notifier;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A notifier that writes to the service log, until a chat notifier (Slack) is configured. */
final class LogNotifier implements Notifier {

  static final String CHANNEL = "log";
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
  public void update(NotificationRef message, Recurrence recurrence) {
    LOG.info("ALERT update: incident {} failed again (occurrence {}, run {})", recurrence.incident(),
        recurrence.occurrences(), recurrence.run());
  }
}
