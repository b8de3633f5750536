package dev.aiops.rca.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentUpdatesTest {

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final IncidentUpdates updates =
      new IncidentUpdates(incidents, new InMemoryEffectLog(), new InMemoryIssueTracker(), notifier, clock);

  @Test
  void should_redraw_a_message_once_per_content_however_often_the_redraw_is_retried() {
    Incident incident = announced();

    updates.redraw(incident, IncidentMessage.resolved(incident, "olga", "fixed"), incident.firstRun(), "olga", "x");
    updates.redraw(incident, IncidentMessage.resolved(incident, "olga", "fixed"), incident.firstRun(), "olga", "x");
    updates.redraw(incident, IncidentMessage.resolved(incident, "olga", "other"), incident.firstRun(), "olga", "x");

    assertThat(notifier.refreshes()).hasSize(2);
  }

  private Incident announced() {
    incidents.claim(Samples.draft("1", 'a', Samples.T0).run(), "d-1", Samples.T0);
    Incident incident = incidents.file(Samples.draft("1", 'a', Samples.T0)).incident();
    return incidents.attachNotification(incident.id(), notifier.notify(IncidentMessage.of(incident, Optional.empty())));
  }
}
