package dev.aiops.rca.port.out;

import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.StormSummary;

/**
 * Tells people about incidents (Slack ...): once per incident, then by updating that one message.
 *
 * <p>Implementations are thread-safe.
 */
public interface Notifier {

  /**
   * Posts a message about a new incident.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the channel throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the channel or the credentials are refused
   */
  NotificationRef notify(Notification notification);

  /**
   * Updates the message posted earlier with the new occurrence count, rather than posting again.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the channel throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the message no longer exists
   */
  void update(NotificationRef message, Recurrence recurrence);

  /**
   * Redraws the message posted earlier to show the incident as it is now: its ticket, occurrences, remediation
   * and status. Posts nothing new.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the channel throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the message no longer exists
   */
  void refresh(NotificationRef message, Notification current);

  /**
   * Posts the message that stands for the new incidents of a storm, instead of one message each.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the channel throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the channel or the credentials are refused
   */
  NotificationRef postSummary(StormSummary summary);

  /**
   * Redraws the storm's summary posted earlier as it is now (more incidents listed or counted). Posts nothing new.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the channel throttles or fails
   * @throws dev.aiops.rca.port.PermanentPortException if the message no longer exists
   */
  void refreshSummary(NotificationRef message, StormSummary summary);
}
