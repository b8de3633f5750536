package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.Notifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A notifier in memory that records every message and update, failing on demand. */
public final class InMemoryNotifier implements Notifier {

  private final Map<String, Notification> sent = new LinkedHashMap<>();
  private final List<Recurrence> updates = new ArrayList<>();
  private final List<Notification> refreshes = new ArrayList<>();
  private final List<StormSummary> summaries = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();

  public FailureInjector failures() {
    return failures;
  }

  @Override
  public synchronized NotificationRef notify(Notification notification) {
    failures.maybeFail();
    String id = "msg-" + (sent.size() + 1);
    sent.put(id, notification);
    return new NotificationRef("#fake", id);
  }

  @Override
  public synchronized void update(NotificationRef message, Recurrence recurrence) {
    failures.maybeFail();
    if (!sent.containsKey(message.messageId())) {
      throw new PermanentPortException("no message " + message.messageId());
    }
    updates.add(recurrence);
  }

  @Override
  public synchronized void refresh(NotificationRef message, Notification current) {
    failures.maybeFail();
    if (!sent.containsKey(message.messageId())) {
      throw new PermanentPortException("no message " + message.messageId());
    }
    refreshes.add(current);
  }

  @Override
  public synchronized NotificationRef postSummary(StormSummary summary) {
    failures.maybeFail();
    summaries.add(summary);
    return new NotificationRef("#fake", "summary-" + summaries.size());
  }

  @Override
  public synchronized void refreshSummary(NotificationRef message, StormSummary summary) {
    failures.maybeFail();
    summaries.add(summary);
  }

  /** Every summary posted or redrawn, oldest first. */
  public synchronized List<StormSummary> summaries() {
    return List.copyOf(summaries);
  }

  public synchronized List<Notification> sent() {
    return List.copyOf(sent.values());
  }

  public synchronized List<Recurrence> updates() {
    return List.copyOf(updates);
  }

  /** The states each message was redrawn with, oldest first. */
  public synchronized List<Notification> refreshes() {
    return List.copyOf(refreshes);
  }
}
