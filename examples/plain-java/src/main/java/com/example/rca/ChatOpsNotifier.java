package com.example.rca;

import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.out.Notifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A notifier of the platform's own: its in-house chat-ops bus, here a list of lines, where a real one would publish
 * to the bus. The assistant only knows it through the {@link Notifier} port; {@code ChatOpsNotifierContractTest}
 * checks it against the port's contract from {@code rca-testkit}.
 */
public final class ChatOpsNotifier implements Notifier {

  private static final String TOPIC = "data-platform-alerts";

  private final AtomicLong ids = new AtomicLong();
  private final Map<String, String> messages = new ConcurrentHashMap<>();
  private final List<String> published = new CopyOnWriteArrayList<>();

  @Override
  public NotificationRef notify(Notification notification) {
    String id = "msg-" + ids.incrementAndGet();
    String line = notification.priority() + " " + notification.title() + ": " + notification.text();
    messages.put(id, line);
    published.add(line);
    return new NotificationRef(TOPIC, id);
  }

  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    messages.computeIfPresent(message.messageId(), (id, line) -> line + " (seen " + recurrence.occurrences()
        + " times)");
  }

  @Override
  public void refresh(NotificationRef message, Notification current) {
    messages.put(message.messageId(), current.priority() + " " + current.title() + ": " + current.text());
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    String id = "msg-" + ids.incrementAndGet();
    String line = summary.count() + " new incidents since " + summary.since();
    messages.put(id, line);
    published.add(line);
    return new NotificationRef(TOPIC, id);
  }

  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    messages.put(message.messageId(), summary.count() + " new incidents since " + summary.since());
  }

  /** Every line published, in order. */
  public List<String> published() {
    return List.copyOf(published);
  }
}
