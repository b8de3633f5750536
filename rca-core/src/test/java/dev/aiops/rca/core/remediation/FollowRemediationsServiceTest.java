package dev.aiops.rca.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.lifecycle.ResolveIncidentService;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An automatic repair, followed until its run ends: the ticket, the message and the incident learn the result. */
class FollowRemediationsServiceTest {

  private static final RunId REPAIR = new RunId("repair-1");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  private final RecordingIncidentEvents events = new RecordingIncidentEvents();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();
  private final PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(),
      incidents, incidents, incidents, tracker, notifier, Map.of(Source.DATABRICKS, executor), events, clock,
      effects);
  private final IncidentUpdates updates = new IncidentUpdates(incidents, effects, tracker, notifier, clock);

  private FollowRemediationsService follower(boolean resolveOnSuccess) {
    return new FollowRemediationsService(incidents, incidents, incidents, Map.of(Source.DATABRICKS, executor),
        effects, updates, new ResolveIncidentService(incidents, incidents, updates, events, clock), events, clock,
        new FollowRemediationsService.Settings(resolveOnSuccess, Duration.ofDays(2)));
  }

  /** A failure that the policy repairs automatically; its incident is ticketed and announced. */
  private Incident repairedFailure() {
    databricks.add(Samples.databricksRun("1", "java.net.SocketTimeoutException: Read timed out"));
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.AUTO,
        EnumSet.allOf(RemediationAction.class), RemediationSettings.curableCategories(), 1);
    HandleFailureService pipeline = new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(),
        new SignatureCalculator(), new RemediationPolicy(settings));
    HandleFailureResult.Handled handled = (HandleFailureResult.Handled)
        pipeline.handle(new HandleFailureCommand(Samples.databricksEvent("1"), "delivery-1"));
    assertThat(handled.remediation()).map(RemediationOutcome::status).contains(RemediationStatus.EXECUTED);
    return incidents.find(handled.filing().incident().id()).orElseThrow();
  }

  private String ticketKey(Incident incident) {
    return incident.ticket().orElseThrow().key();
  }

  @Test
  void should_note_the_started_repair_on_the_ticket_when_the_pipeline_runs_it() {
    Incident incident = repairedFailure();

    assertThat(tracker.comments(ticketKey(incident))).singleElement().asString()
        .startsWith("Remediation REPAIR_FAILED_TASKS started (new run repair-1)");
    assertThat(notifier.refreshes()).last().satisfies(message ->
        assertThat(message.text()).contains("Remediation executed"));
  }

  @Test
  void should_do_nothing_while_the_repair_run_is_still_going() {
    Incident incident = repairedFailure();

    assertThat(follower(true).followUp()).isEmpty();

    assertThat(executor.progressCalls()).isEqualTo(1);
    assertThat(incidents.unfinishedRemediations(10)).hasSize(1);
    assertThat(tracker.comments(ticketKey(incident))).hasSize(1);
    assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
  }

  @Test
  void should_record_note_and_resolve_when_the_repair_run_ends_well() {
    Incident incident = repairedFailure();
    executor.finish(REPAIR, RemediationProgress.succeeded("repair repair-1 of run 1: TERMINATED SUCCESS"));
    clock.advance(Duration.ofMinutes(7));

    List<RemediationOutcome> recorded = follower(true).followUp();

    assertThat(recorded).singleElement().satisfies(outcome -> {
      assertThat(outcome.status()).isEqualTo(RemediationStatus.RUN_SUCCEEDED);
      assertThat(outcome.newRun()).contains(REPAIR);
    });
    Incident now = incidents.find(incident.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(tracker.comments(ticketKey(incident))).hasSize(3).satisfies(notes -> {
      assertThat(notes.get(1)).startsWith("The run started by remediation REPAIR_FAILED_TASKS (new run repair-1) "
          + "ended well: repair repair-1 of run 1: TERMINATED SUCCESS");
      assertThat(notes.get(2)).startsWith("Resolved in the RCA Assistant by remediation-follower: "
          + "REPAIR_FAILED_TASKS of run 1 ended well");
    });
    assertThat(notifier.refreshes()).last().satisfies(message -> {
      assertThat(message.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
      assertThat(message.text()).contains("Resolved by remediation-follower");
    });
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action)
        .contains(AuditAction.REMEDIATION_RUN_SUCCEEDED, AuditAction.INCIDENT_RESOLVED);
    assertThat(events.changes()).extracting(IncidentChange::kind).contains(IncidentChange.Kind.RESOLVED);
    assertThat(incidents.unfinishedRemediations(10)).isEmpty();
  }

  @Test
  void should_note_the_failure_and_keep_the_incident_open_when_the_repair_run_fails_again() {
    Incident incident = repairedFailure();
    executor.finish(REPAIR, RemediationProgress.failed("repair repair-1 of run 1: TERMINATED FAILED"));

    List<RemediationOutcome> recorded = follower(true).followUp();

    assertThat(recorded).extracting(RemediationOutcome::status).containsExactly(RemediationStatus.RUN_FAILED);
    assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(tracker.comments(ticketKey(incident))).last().asString()
        .contains("did not end well: repair repair-1 of run 1: TERMINATED FAILED. The incident stays open.");
    assertThat(notifier.refreshes()).last().satisfies(message ->
        assertThat(message.text()).contains("Remediation run_failed"));
  }

  @Test
  void should_leave_the_incident_open_when_resolving_on_success_is_off() {
    Incident incident = repairedFailure();
    executor.finish(REPAIR, RemediationProgress.succeeded("ended well"));

    follower(false).followUp();

    assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(tracker.comments(ticketKey(incident))).hasSize(2);
  }

  @Test
  void should_record_and_note_the_result_once_when_followed_again_or_by_a_second_follower() {
    Incident incident = repairedFailure();
    executor.finish(REPAIR, RemediationProgress.failed("failed"));

    follower(true).followUp();
    List<RemediationOutcome> again = follower(true).followUp();

    assertThat(again).isEmpty();
    assertThat(incidents.remediations(incident.id())).extracting(RemediationOutcome::status)
        .containsExactly(RemediationStatus.EXECUTED, RemediationStatus.RUN_FAILED);
    assertThat(tracker.comments(ticketKey(incident))).hasSize(2);
  }

  @Test
  void should_follow_again_later_when_the_tracker_cannot_take_the_note_now() {
    Incident incident = repairedFailure();
    executor.finish(REPAIR, RemediationProgress.failed("failed"));
    tracker.failures().failNext(new TransientPortException("Jira answered 503"));

    assertThat(follower(true).followUp()).isEmpty();
    assertThat(incidents.unfinishedRemediations(10)).hasSize(1);

    clock.advance(Duration.ofMinutes(3));
    assertThat(follower(true).followUp()).hasSize(1);
    assertThat(tracker.comments(ticketKey(incident))).hasSize(2);
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::action).contains(AuditAction.TICKET_FAILED);
  }

  @Test
  void should_ask_again_later_when_the_platform_cannot_be_reached() {
    repairedFailure();
    executor.failures().failNext(new TransientPortException("429"));

    assertThat(follower(true).followUp()).isEmpty();
    assertThat(incidents.unfinishedRemediations(10)).hasSize(1);
  }

  @Test
  void should_record_a_failed_run_when_the_platform_no_longer_knows_it() {
    Incident incident = repairedFailure();
    executor.failures().failNext(new PermanentPortException("run 1 does not exist"));

    assertThat(follower(true).followUp()).singleElement().satisfies(outcome -> {
      assertThat(outcome.status()).isEqualTo(RemediationStatus.RUN_FAILED);
      assertThat(outcome.detail()).contains("can no longer be followed: run 1 does not exist");
    });
    assertThat(incidents.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
  }

  @Test
  void should_stop_following_a_run_that_has_no_result_after_the_limit() {
    repairedFailure();
    clock.advance(Duration.ofDays(2).plusMinutes(1));

    assertThat(follower(true).followUp()).singleElement().satisfies(outcome -> {
      assertThat(outcome.status()).isEqualTo(RemediationStatus.RUN_FAILED);
      assertThat(outcome.detail()).startsWith("no result within 48 h");
    });
  }

  @Test
  void should_note_the_repair_once_the_ticket_opens_when_the_tracker_was_down_at_first() {
    databricks.add(Samples.databricksRun("1", "java.net.SocketTimeoutException: Read timed out"));
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.AUTO,
        EnumSet.allOf(RemediationAction.class), RemediationSettings.curableCategories(), 1);
    HandleFailureService pipeline = new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(),
        new SignatureCalculator(), new RemediationPolicy(settings));
    tracker.failures().failNext(new TransientPortException("Jira answered 503"));
    HandleFailureResult.Handled first = (HandleFailureResult.Handled)
        pipeline.handle(new HandleFailureCommand(Samples.databricksEvent("1"), "delivery-1"));
    assertThat(first.problems()).isNotEmpty();

    HandleFailureResult.Handled resumed = (HandleFailureResult.Handled)
        pipeline.handle(new HandleFailureCommand(Samples.databricksEvent("1"), "delivery-1"));

    assertThat(resumed.problems()).isEmpty();
    assertThat(executor.executed()).hasSize(1);
    Incident incident = incidents.find(first.filing().incident().id()).orElseThrow();
    assertThat(tracker.comments(ticketKey(incident))).singleElement().asString()
        .startsWith("Remediation REPAIR_FAILED_TASKS started");
  }
}
