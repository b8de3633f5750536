package dev.aiops.rca.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.util.List;
import java.util.Map;
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

  @Test
  void should_list_the_tasks_the_failure_held_back_on_every_drawing_of_its_message() {
    IncidentDraft plain = Samples.draft("2", 'b', Samples.T0);
    Incident incident = incidents.file(new IncidentDraft(plain.run(), plain.signature(), plain.jobName(), plain.at(),
        plain.analysis(), Map.of(), List.of("publish UPSTREAM_FAILED"))).incident();

    assertThat(IncidentMessage.of(incident, Optional.empty()).impactedTasks()).containsExactly("publish UPSTREAM_FAILED");
    assertThat(IncidentMessage.resolved(incident, "olga", "fixed").impactedTasks())
        .containsExactly("publish UPSTREAM_FAILED");
  }

  @Test
  void should_redraw_a_message_with_the_remediation_both_as_its_last_line_and_apart_when_told_an_outcome() {
    Incident incident = announced();
    RemediationOutcome suggested = new RemediationOutcome(new RemediationPlan(incident.id(),
        RemediationAction.REPAIR_FAILED_TASKS, incident.firstRun(), List.of(), "transient"),
        RemediationStatus.SUGGESTED, "repair the failed tasks of run databricks:1", Samples.T0, Optional.empty());

    updates.redrawRemediation(incident, suggested, Optional.empty(), "pipeline");

    Notification drawn = notifier.refreshes().get(0);
    assertThat(drawn.remediation()).contains(suggested);
    assertThat(drawn.text()).endsWith("\nRemediation suggested: repair the failed tasks of run databricks:1");
    assertThat(IncidentMessage.of(incident, Optional.empty()).remediation()).isEmpty();
  }

  private Incident announced() {
    incidents.claim(Samples.draft("1", 'a', Samples.T0).run(), "d-1", Samples.T0);
    Incident incident = incidents.file(Samples.draft("1", 'a', Samples.T0)).incident();
    return incidents.attachNotification(incident.id(), notifier.notify(IncidentMessage.of(incident, Optional.empty())));
  }
}
