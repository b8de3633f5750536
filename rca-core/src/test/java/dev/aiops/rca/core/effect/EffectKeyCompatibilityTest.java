package dev.aiops.rca.core.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.lifecycle.IncidentMessage;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.lifecycle.ResolveIncidentService;
import dev.aiops.rca.core.lifecycle.TicketSyncService;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.remediation.DecideRemediationService;
import dev.aiops.rca.core.remediation.FollowRemediationsService;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.DecideRemediationCommand;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.IssueTrackerContract;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The effect keys already stored in effect logs and trackers, written out as the strings the earlier code built,
 * still name the same effects: an effect done under an old key is not caused again.
 */
class EffectKeyCompatibilityTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";
  private static final String TIMEOUT = "java.net.SocketTimeoutException: Read timed out";
  private static final RunKey RUN_1 = RunKey.of(Source.DATABRICKS, "1");
  private static final RunId REPAIR = new RunId("repair-1");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  private final RecordingIncidentEvents events = new RecordingIncidentEvents();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();
  private final IncidentUpdates updates = new IncidentUpdates(incidents, effects, tracker, notifier, clock);

  private HandleFailureService pipeline(RemediationSettings.Mode mode) {
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents,
        incidents, incidents, tracker, notifier, Map.of(Source.DATABRICKS, executor), events, clock, effects);
    RemediationSettings settings =
        new RemediationSettings(mode, EnumSet.allOf(RemediationAction.class), RemediationSettings.curableCategories(), 1);
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(settings));
  }

  /**
   * Incident 1, signature {@code aaaa…}, filed for run 1 by delivery d-1 before the interruption: a read timeout,
   * a failure that a repair may cure, so that the remediation keys are reached.
   */
  private Incident filedBefore() {
    incidents.claim(RUN_1, "d-1", Samples.T0);
    return incidents.file(new IncidentDraft(RUN_1, Samples.signature('a'), "etl_orders", Samples.T0,
        Samples.analysis(Category.TIMEOUT, TIMEOUT))).incident();
  }

  /** Incident 1 with ticket FAKE-1, opened under its old key, and its message. */
  private Incident announcedBefore() {
    Incident incident = filedBefore();
    Incident ticketed =
        incidents.attachTicket(incident.id(), tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1")));
    return incidents.attachNotification(incident.id(),
        notifier.notify(IncidentMessage.of(ticketed, Optional.empty())));
  }

  /** The effects but the message redraws, which were not keyed before and so have no old key. */
  private List<Effect> keyedBefore() {
    return effects.all().stream().filter(effect -> !effect.idempotencyKey().startsWith("message-update-")).toList();
  }

  private void doneBefore(String oldKey, EffectKind kind, String reference) {
    effects.intend(oldKey, kind, new IncidentId(1), Samples.T0);
    effects.markDone(oldKey, reference, Samples.T0);
  }

  private RemediationOutcome executedBefore(Incident incident) {
    RemediationOutcome executed = new RemediationOutcome(new RemediationPlan(incident.id(),
        RemediationAction.REPAIR_FAILED_TASKS, RUN_1, List.of(), "transient"), RemediationStatus.EXECUTED,
        "started run " + REPAIR, Samples.T0, Optional.of(REPAIR));
    incidents.record(executed);
    return executed;
  }

  private static HandleFailureCommand delivery(String runId, String deliveryId) {
    return new HandleFailureCommand(Samples.databricksEvent(runId), deliveryId);
  }

  @Test
  void should_spell_each_key_as_the_keys_already_stored_are_spelled() {
    Incident incident = filedBefore();
    IncidentId id = incident.id();
    RunKey adfRun = RunKey.of(Source.ADF, "5f1c-9e2a");
    RemediationPlan adfPlan =
        new RemediationPlan(id, RemediationAction.RERUN_FROM_FAILURE, adfRun, List.of(), "transient");

    assertThat(EffectKey.ticket(incident).value()).isEqualTo("rca-aaaaaaaaaaaa-1");
    assertThat(HandleFailureService.idempotencyKey(incident)).isEqualTo("rca-aaaaaaaaaaaa-1");
    assertThat(EffectKey.notification(incident).value()).isEqualTo("notify-aaaaaaaaaaaa-1");
    assertThat(EffectKey.recurrenceOnTicket(id, RunKey.of(Source.DATABRICKS, "2")).value())
        .isEqualTo("recur-ticket-1-DATABRICKS:2");
    assertThat(EffectKey.recurrenceOnMessage(id, RunKey.of(Source.DATABRICKS, "2")).value())
        .isEqualTo("recur-notify-1-DATABRICKS:2");
    assertThat(EffectKey.remediation(id, RUN_1, RemediationAction.REPAIR_FAILED_TASKS).value())
        .isEqualTo("remediate-1-DATABRICKS:1-REPAIR_FAILED_TASKS");
    assertThat(EffectKey.remediation(adfPlan).value()).isEqualTo("remediate-1-ADF:5f1c-9e2a-RERUN_FROM_FAILURE");
    assertThat(EffectKey.remediationNote(id, RUN_1, RemediationStatus.EXECUTED).value())
        .isEqualTo("remediation-note-1-DATABRICKS:1-EXECUTED");
    assertThat(EffectKey.decisionNote(id, RemediationAction.REPAIR_FAILED_TASKS, Samples.T0).value())
        .isEqualTo("remediation-decision-1-REPAIR_FAILED_TASKS-1795687200000");
    assertThat(EffectKey.resultNote(id, REPAIR).value()).isEqualTo("remediation-result-1-repair-1");
    assertThat(EffectKey.resolveNote(id).value()).isEqualTo("resolve-note-1");
    assertThat(EffectKey.ticketClose(id).value()).isEqualTo("ticket-close-1");
  }

  @Test
  void should_find_the_ticket_opened_under_the_old_key_rather_than_open_another() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    Incident incident = filedBefore();
    tracker.open(IssueTrackerContract.request("rca-aaaaaaaaaaaa-1"));
    effects.intend("rca-aaaaaaaaaaaa-1", EffectKind.TICKET, incident.id(), Samples.T0);

    pipeline(RemediationSettings.Mode.SUGGEST).handle(delivery("1", "d-1"));

    assertThat(tracker.openCalls()).isEqualTo(1);
    assertThat(incidents.find(incident.id()).orElseThrow().ticket()).map(t -> t.key()).contains("FAKE-1");
    assertThat(keyedBefore()).extracting(Effect::idempotencyKey, Effect::state).containsExactly(
        tuple("rca-aaaaaaaaaaaa-1", EffectState.DONE), tuple("notify-aaaaaaaaaaaa-1", EffectState.DONE));
  }

  @Test
  void should_not_tell_the_ticket_or_the_message_again_of_a_recurrence_told_under_the_old_keys() {
    databricks.add(Samples.databricksRun("2", MISSING_TABLE));
    Incident incident = announcedBefore();
    incidents.claim(RunKey.of(Source.DATABRICKS, "2"), "d-2", Samples.T0);
    incidents.file(Samples.draft("2", 'a', Samples.T0));
    doneBefore("recur-ticket-1-DATABRICKS:2", EffectKind.TICKET, "FAKE-1");
    doneBefore("recur-notify-1-DATABRICKS:2", EffectKind.NOTIFICATION,
        incident.notification().orElseThrow().messageId());

    HandleFailureResult result = pipeline(RemediationSettings.Mode.SUGGEST).handle(delivery("2", "d-2"));

    assertThat(result).isInstanceOf(HandleFailureResult.Handled.class);
    assertThat(tracker.recurrences()).isEmpty();
    assertThat(notifier.updates()).isEmpty();
    assertThat(keyedBefore()).hasSize(2);
  }

  @Test
  void should_not_repair_or_note_again_a_remediation_done_under_the_old_keys() {
    databricks.add(Samples.databricksRun("1", TIMEOUT));
    Incident incident = announcedBefore();
    executedBefore(incident);
    doneBefore("remediate-1-DATABRICKS:1-REPAIR_FAILED_TASKS", EffectKind.REMEDIATION, "EXECUTED repair-1");
    doneBefore("remediation-note-1-DATABRICKS:1-EXECUTED", EffectKind.TICKET, "FAKE-1");

    HandleFailureResult.Handled resumed =
        (HandleFailureResult.Handled) pipeline(RemediationSettings.Mode.AUTO).handle(delivery("1", "d-1"));

    assertThat(executor.executed()).isEmpty();
    assertThat(tracker.comments("FAKE-1")).isEmpty();
    assertThat(resumed.remediation()).map(RemediationOutcome::newRun).contains(Optional.of(REPAIR));
    assertThat(keyedBefore()).hasSize(2);
  }

  @Test
  void should_not_repeat_a_repair_whose_attempt_under_the_old_key_was_interrupted() {
    databricks.add(Samples.databricksRun("1", TIMEOUT));
    Incident incident = announcedBefore();
    effects.intend("remediate-1-DATABRICKS:1-REPAIR_FAILED_TASKS", EffectKind.REMEDIATION, incident.id(),
        Samples.T0);

    HandleFailureResult.Handled resumed =
        (HandleFailureResult.Handled) pipeline(RemediationSettings.Mode.AUTO).handle(delivery("1", "d-1"));

    assertThat(executor.executed()).isEmpty();
    assertThat(resumed.remediation()).map(RemediationOutcome::status).contains(RemediationStatus.SKIPPED);
  }

  @Test
  void should_neither_note_nor_close_again_a_resolution_noted_under_the_old_key() {
    // Before the ticket sync, resolving changed the status, then noted the ticket under resolve-note-<incident>.
    Incident incident = announcedBefore();
    incidents.changeStatus(incident.id(), IncidentStatus.RESOLVED);
    doneBefore("resolve-note-1", EffectKind.TICKET, "FAKE-1");
    ResolveIncidentService resolver = new ResolveIncidentService(incidents, incidents, updates, events, clock);

    resolver.resolve(new ResolveIncidentCommand(incident.id(), "olga", "fixed upstream"));
    new TicketSyncService(incidents, effects, tracker, updates, resolver, clock, Duration.ZERO).syncTickets();

    assertThat(tracker.comments("FAKE-1")).isEmpty();
    assertThat(tracker.state(incident.ticket().orElseThrow()).done()).isFalse();
  }

  @Test
  void should_not_note_a_followed_result_again_when_noted_under_the_old_key() {
    Incident incident = announcedBefore();
    executedBefore(incident);
    executor.finish(REPAIR, RemediationProgress.succeeded("repair-1 ended: SUCCESS"));
    doneBefore("remediation-result-1-repair-1", EffectKind.TICKET, "FAKE-1");
    FollowRemediationsService follower = new FollowRemediationsService(incidents, incidents, incidents,
        Map.of(Source.DATABRICKS, executor), effects, updates,
        new ResolveIncidentService(incidents, incidents, updates, events, clock), events, clock,
        new FollowRemediationsService.Settings(false, Duration.ofDays(2)));

    assertThat(follower.followUp()).singleElement().extracting(RemediationOutcome::status)
        .isEqualTo(RemediationStatus.RUN_SUCCEEDED);
    assertThat(tracker.comments("FAKE-1")).isEmpty();
  }

  @Test
  void should_not_note_a_decision_again_when_noted_under_the_old_key() {
    Incident incident = announcedBefore();
    incidents.record(new RemediationOutcome(new RemediationPlan(incident.id(), RemediationAction.REPAIR_FAILED_TASKS,
        RUN_1, List.of(), "transient"), RemediationStatus.SUGGESTED, "suggested", Samples.T0, Optional.empty()));
    // 1795687200000 is 2026-11-26T10:00:00Z, the clock's time when the decision's outcome is taken.
    doneBefore("remediation-decision-1-REPAIR_FAILED_TASKS-1795687200000", EffectKind.TICKET, "FAKE-1");
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.SUGGEST,
        EnumSet.allOf(RemediationAction.class), RemediationSettings.curableCategories(), 1);

    new DecideRemediationService(incidents, incidents, incidents, Map.of(Source.DATABRICKS, executor),
        new RemediationPolicy(settings), events, clock, Optional.of(updates))
        .decide(new DecideRemediationCommand(incident.id(), RemediationAction.REPAIR_FAILED_TASKS, true, "alice"));

    assertThat(executor.executed()).hasSize(1);
    assertThat(tracker.comments("FAKE-1")).isEmpty();
  }
}
