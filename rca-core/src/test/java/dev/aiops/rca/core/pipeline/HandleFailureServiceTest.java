package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.AnalysisFlag;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.IncidentChange;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import dev.aiops.rca.testkit.ScriptedRootCauseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HandleFailureServiceTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final ScriptedRootCauseModel model = new ScriptedRootCauseModel();
  private final InMemoryRemediationExecutor executor = new InMemoryRemediationExecutor(Source.DATABRICKS, clock);
  private final RecordingIncidentEvents events = new RecordingIncidentEvents();

  private HandleFailureService service(Optional<ScriptedRootCauseModel> withModel, RemediationSettings settings) {
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), withModel.map(m -> m), incidents,
        incidents, incidents, tracker, notifier, Map.of(Source.DATABRICKS, executor), events, clock);
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(settings));
  }

  private HandleFailureService service() {
    return service(Optional.empty(), RemediationSettings.defaults());
  }

  private HandleFailureResult deliver(HandleFailureService service, String runId) {
    return service.handle(new HandleFailureCommand(Samples.databricksEvent(runId)));
  }

  private static FailedRun tagged(String runId, Map<String, String> tags) {
    FailedRun run = Samples.databricksRun(runId, MISSING_TABLE);
    return new FailedRun(run.event(), run.runName(), run.runPageUrl(), run.state(), run.tasks(), tags);
  }

  @Test
  void should_keep_the_default_cost_tags_of_the_run_when_it_opens_an_incident() {
    databricks.add(tagged("1", Map.of("cost_center", "cc-7", "team", "data", "owner", "alice", "CostCenter", "42")));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(service(), "1");

    assertThat(handled.filing().incident().costTags())
        .isEqualTo(Map.of("cost_center", "cc-7", "team", "data", "CostCenter", "42"));
    assertThat(incidents.find(handled.filing().incident().id()).orElseThrow().costTags()).doesNotContainKey("owner");
  }

  @Test
  void should_keep_the_run_page_of_the_run_with_the_incident_when_it_opens_one() {
    databricks.add(tagged("1", Map.of()));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(service(), "1");

    assertThat(incidents.find(handled.filing().incident().id()).orElseThrow().runPageUrl())
        .contains("https://adb-1/run/1");
  }

  @Test
  void should_keep_only_the_configured_cost_tags_when_a_list_is_given() {
    databricks.add(tagged("1", Map.of("cost_center", "cc-7", "owner", "alice", "project", "p-9")));
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents,
        incidents, incidents, tracker, notifier, Map.of(Source.DATABRICKS, executor), events, clock);
    HandleFailureService service = new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(),
        new SignatureCalculator(), new RemediationPolicy(RemediationSettings.defaults()), Redactor.standard(),
        List.of("project", "missing"));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(service, "1");

    assertThat(handled.filing().incident().costTags()).isEqualTo(Map.of("project", "p-9"));
  }

  @Test
  void should_tell_the_alert_and_the_ticket_of_the_tasks_the_failure_held_back() {
    FailedRun run = Samples.databricksRun("1", MISSING_TABLE);
    TaskRun publish = new TaskRun("publish", new RunId("13"), "notebook_task", List.of("load_users"),
        RunState.of(RunOutcome.HELD_BACK, "UPSTREAM_FAILED", "An upstream task failed."), 0, Optional.empty(),
        Optional.empty(), Optional.empty(), Map.of());
    List<TaskRun> tasks = new ArrayList<>(run.tasks());
    tasks.add(publish);
    databricks.add(new FailedRun(run.event(), run.runName(), run.runPageUrl(), run.state(), tasks, run.tags()));

    deliver(service(), "1");

    assertThat(notifier.sent()).singleElement()
        .satisfies(n -> assertThat(n.impactedTasks()).containsExactly("publish UPSTREAM_FAILED"));
    assertThat(notifier.refreshes())
        .allSatisfy(n -> assertThat(n.impactedTasks()).contains("publish UPSTREAM_FAILED"));
    assertThat(tracker.tickets().get(0).description())
        .contains("Impacted tasks (held back by this failure): publish UPSTREAM_FAILED");
    // What Jira and ServiceNow show as the ticket's impact, and the incident page as the incident's.
    assertThat(tracker.tickets().get(0).details().orElseThrow().impact()).containsExactly("publish UPSTREAM_FAILED");
    assertThat(incidents.list(IncidentQuery.all(1)).get(0).impact()).containsExactly("publish UPSTREAM_FAILED");
  }

  @Test
  void should_list_a_new_incident_past_the_burst_on_the_storm_summary_and_tell_only_its_ticket_when_it_recurs() {
    String outOfMemory = "java.lang.OutOfMemoryError: Java heap space";
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    databricks.add(Samples.databricksRun("2", outOfMemory));
    databricks.add(Samples.databricksRun("3", outOfMemory));
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents,
        incidents, incidents, tracker, notifier, Map.of(Source.DATABRICKS, executor), events, clock);
    HandleFailureService service = new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(),
        new SignatureCalculator(), new RemediationPolicy(RemediationSettings.defaults()), Redactor.standard(),
        HandleFailureService.DEFAULT_COST_TAG_KEYS, new StormGate(notifier, 1, clock));

    deliver(service, "1");
    HandleFailureResult.Handled second = (HandleFailureResult.Handled) deliver(service, "2");
    HandleFailureResult.Handled again = (HandleFailureResult.Handled) deliver(service, "3");

    assertThat(notifier.sent()).hasSize(1);
    assertThat(notifier.summaries()).singleElement().satisfies(summary -> assertThat(summary.listed())
        .singleElement().satisfies(entry -> assertThat(entry.ticket()).isPresent()));
    assertThat(second.problems()).isEmpty();
    assertThat(second.filing().incident().ticket()).isPresent();
    assertThat(again.filing()).isInstanceOf(Filing.Recurred.class);
    assertThat(again.problems()).isEmpty();
    assertThat(tracker.recurrences()).hasSize(1);
    assertThat(notifier.updates()).isEmpty();
  }

  @Test
  void should_open_one_ticket_and_send_one_notification_when_a_new_failure_arrives() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));

    HandleFailureResult result = deliver(service(), "1");

    assertThat(result).isInstanceOf(HandleFailureResult.Handled.class);
    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) result;
    assertThat(handled.filing()).isInstanceOf(Filing.Opened.class);
    assertThat(handled.filing().incident().ticket()).isPresent();
    assertThat(handled.filing().incident().notification()).isPresent();
    assertThat(handled.problems()).isEmpty();
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(tracker.tickets().get(0).labels()).contains("rca", "databricks");
    assertThat(tracker.tickets().get(0).summary()).startsWith("[RCA] etl_orders failed: ");
    assertThat(notifier.sent()).hasSize(1);
    assertThat(databricks.fetches()).hasSize(1);
  }

  @Test
  void should_make_exactly_one_ticket_when_the_same_run_is_delivered_fifty_times_concurrently() throws Exception {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    HandleFailureService service = service();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<HandleFailureResult>> deliveries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      deliveries.add(() -> deliver(service, "1"));
    }

    List<HandleFailureResult> results = new ArrayList<>();
    try {
      for (Future<HandleFailureResult> future : pool.invokeAll(deliveries)) {
        results.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).filteredOn(r -> r instanceof HandleFailureResult.Handled).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof HandleFailureResult.Duplicate).hasSize(49);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(notifier.sent()).hasSize(1);
    assertThat(incidents.list(IncidentQuery.all(10))).hasSize(1);
    assertThat(incidents.allAudit()).filteredOn(e -> e.action() == AuditAction.DUPLICATE_DELIVERY).hasSize(49);
  }

  @Test
  void should_add_an_occurrence_instead_of_a_ticket_when_the_signature_recurs_on_another_run() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE)).add(Samples.databricksRun("2", MISSING_TABLE));
    HandleFailureService service = service();

    deliver(service, "1");
    clock.advance(java.time.Duration.ofHours(1));
    HandleFailureResult second = deliver(service, "2");

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) second;
    assertThat(handled.filing()).isInstanceOf(Filing.Recurred.class);
    assertThat(handled.filing().incident().occurrences()).isEqualTo(2);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(tracker.recurrences()).hasSize(1);
    assertThat(notifier.sent()).hasSize(1);
    assertThat(notifier.updates()).hasSize(1);
    assertThat(events.changes()).extracting(IncidentChange::kind).contains(IncidentChange.Kind.RECURRED);
  }

  @Test
  void should_open_a_second_incident_when_another_error_fails_the_same_job() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE))
        .add(Samples.databricksRun("2", "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] `prod`.`orders`"));
    HandleFailureService service = service();

    deliver(service, "1");
    deliver(service, "2");

    assertThat(tracker.tickets()).hasSize(2);
  }

  @Test
  void should_keep_the_rules_analysis_marked_as_fallback_when_the_model_throws() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    model.failures().failNext(new TransientPortException("503 UNAVAILABLE"));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(
        service(Optional.of(model), RemediationSettings.defaults()), "1");

    assertThat(handled.filing().incident().analysis().analyzer()).isEqualTo("rules");
    assertThat(handled.filing().incident().analysis().has(AnalysisFlag.MODEL_FALLBACK)).isTrue();
    assertThat(incidents.allAudit()).extracting(AuditEntry::action).contains(AuditAction.MODEL_FALLBACK);
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void should_use_the_model_analysis_when_the_model_answers() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(
        service(Optional.of(model), RemediationSettings.defaults()), "1");

    assertThat(handled.filing().incident().analysis().analyzer()).isEqualTo(ScriptedRootCauseModel.ANALYZER);
    assertThat(model.calls()).hasSize(1);
  }

  @Test
  void should_leave_a_degraded_analysis_when_the_source_throws() {
    databricks.failures().failAlways(() -> new TransientPortException("connect timed out"));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(service(), "1");

    assertThat(handled.filing().incident().analysis().has(AnalysisFlag.DEGRADED_SOURCE)).isTrue();
    assertThat(incidents.allAudit()).extracting(AuditEntry::action).contains(AuditAction.SOURCE_UNAVAILABLE);
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void should_record_the_problem_and_keep_the_incident_when_the_tracker_fails() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    tracker.failures().failAlways(() -> new PermanentPortException("401 Unauthorized"));

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(service(), "1");

    assertThat(handled.problems()).singleElement().asString().contains("ticket not opened");
    assertThat(handled.filing().incident().ticket()).isEmpty();
    assertThat(incidents.list(IncidentQuery.all(10))).hasSize(1);
    assertThat(notifier.sent()).hasSize(1);
    assertThat(incidents.allAudit()).extracting(AuditEntry::action).contains(AuditAction.TICKET_FAILED);
  }

  @Test
  void should_not_open_a_second_ticket_when_the_tracker_already_holds_the_idempotency_key() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    HandleFailureService service = service();
    deliver(service, "1");

    // A retry after a crash would ask the tracker first; the fake answers with the ticket it holds.
    assertThat(tracker.findByIdempotencyKey(
        HandleFailureService.idempotencyKey(incidents.list(IncidentQuery.all(1)).get(0)))).isPresent();
    assertThat(tracker.openCalls()).isEqualTo(1);
  }

  @Test
  void should_record_every_step_in_the_audit_trail_when_a_failure_is_handled() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));

    deliver(service(), "1");

    assertThat(incidents.allAudit()).extracting(AuditEntry::action).containsExactly(
        AuditAction.RECEIVED,
        AuditAction.FETCHED,
        AuditAction.ANALYZED,
        AuditAction.INCIDENT_OPENED,
        AuditAction.TICKET_CREATED,
        AuditAction.NOTIFIED);
    assertThat(events.changes()).extracting(IncidentChange::kind).containsExactly(
        IncidentChange.Kind.OPENED, IncidentChange.Kind.TICKETED, IncidentChange.Kind.NOTIFIED);
  }

  @Test
  void should_suggest_but_not_run_a_repair_when_the_category_is_allowlisted_in_suggest_mode() {
    databricks.add(Samples.databricksRun("1", "TEMPORARILY_UNAVAILABLE"));
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.SUGGEST,
        java.util.EnumSet.allOf(dev.aiops.rca.domain.RemediationAction.class),
        RemediationSettings.curableCategories(), 1);

    HandleFailureResult.Handled handled =
        (HandleFailureResult.Handled) deliver(service(Optional.empty(), settings), "1");

    assertThat(handled.remediation()).hasValueSatisfying(outcome ->
        assertThat(outcome.status()).isEqualTo(dev.aiops.rca.domain.RemediationStatus.SUGGESTED));
    assertThat(executor.executed()).isEmpty();
  }

  @Test
  void should_run_the_repair_once_when_auto_mode_allows_it_and_the_failure_recurs() {
    databricks.add(Samples.databricksRun("1", "boom")).add(Samples.databricksRun("2", "boom"));
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.AUTO,
        java.util.EnumSet.allOf(dev.aiops.rca.domain.RemediationAction.class),
        RemediationSettings.curableCategories(), 1);
    HandleFailureService service = service(Optional.empty(), settings);

    deliver(service, "1");
    HandleFailureResult.Handled second = (HandleFailureResult.Handled) deliver(service, "2");

    assertThat(executor.executed()).hasSize(1);
    assertThat(second.remediation()).isEmpty();
  }

  @Test
  void should_not_remediate_when_the_category_is_not_allowlisted() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    RemediationSettings settings = new RemediationSettings(RemediationSettings.Mode.AUTO,
        java.util.EnumSet.allOf(dev.aiops.rca.domain.RemediationAction.class),
        java.util.EnumSet.of(dev.aiops.rca.domain.Category.NETWORK), 1);

    HandleFailureResult.Handled handled =
        (HandleFailureResult.Handled) deliver(service(Optional.empty(), settings), "1");

    assertThat(handled.remediation()).isEmpty();
    assertThat(executor.executed()).isEmpty();
  }
}
