package dev.aiops.rca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.Notifier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Notifier} must do; implement {@link #subject()} with a fresh notifier. */
public interface NotifierContract {

  Notifier subject();

  static Notification notification() {
    Incident incident = ((Filing.Opened) new InMemoryIncidentRepository()
        .file(Samples.draft("1", 'a', Samples.T0))).incident();
    return new Notification(incident, "[RCA] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND",
        "[TABLE_OR_VIEW_NOT_FOUND] prod.users", Category.TABLE_OR_VIEW_NOT_FOUND, Optional.empty(),
        Optional.of("https://adb-1/run/1"));
  }

  @Test
  default void should_return_a_reference_when_a_message_is_sent() {
    NotificationRef ref = subject().notify(notification());

    assertThat(ref.messageId()).isNotBlank();
    assertThat(ref.channel()).isNotBlank();
  }

  @Test
  default void should_redraw_the_message_when_the_incident_changes() {
    Notifier notifier = subject();
    Notification notification = notification();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, notification);

    assertThat(ref.messageId()).isNotBlank();
  }

  @Test
  default void should_update_the_message_when_the_failure_recurs() {
    Notifier notifier = subject();
    Notification notification = notification();
    NotificationRef ref = notifier.notify(notification);

    notifier.update(ref, new Recurrence(notification.incident().id(), RunKey.of(Source.DATABRICKS, "2"), 2,
        Samples.T0));

    assertThat(ref.messageId()).isNotBlank();
  }
}
