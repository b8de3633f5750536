package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureChain;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.RunOutcome;
import dev.aiops.rca.domain.RunState;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.TaskError;
import dev.aiops.rca.domain.TaskRun;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One incident per failure chain: a parent pipeline run whose ExecutePipeline activity failed because its child
 * failed, and the child's own failure, are filed under the child, and only one of their deliveries tickets.
 */
class FailureChainFilingTest {

  private static final String ERROR = "ErrorCode=UserErrorSqlDWCopyCommandError,'Message=COPY statement failed "
      + "because non nullable column 'TransactionDate' cannot have the NULL value as its default.'";
  private static final RunKey PARENT = RunKey.of(Source.ADF, "parent-run");
  private static final RunKey CHILD = RunKey.of(Source.ADF, "child-run");
  private static final FailureChain CHAIN = new FailureChain(List.of(
      new FailureChain.Link(PARENT, "pl_nightly", "pl_nightly"),
      new FailureChain.Link(CHILD, "pl_sales_daily", "pl_sales_daily")));

  private final MutableClock clock = MutableClock.at("2026-11-20T04:00:00Z");
  private final InMemoryFailedRunSource adf = new InMemoryFailedRunSource(Source.ADF);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final HandleFailureService service = new HandleFailureService(
      new PipelinePorts(Map.of(Source.ADF, adf), Optional.empty(), incidents, incidents, incidents, tracker,
          notifier, Map.of(), new RecordingIncidentEvents(), clock),
      RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
      new RemediationPolicy(RemediationSettings.defaults()));

  private static FailureEvent event(RunKey run, String pipeline) {
    return new FailureEvent(run, pipeline, pipeline, "adf-sales-prod", Instant.parse("2026-11-20T03:45:00Z"),
        Optional.empty(), "{}");
  }

  /** The parent as its own alert reads it: its wrapper activity, and the child's Copy activity below it. */
  private static FailedRun parentRun() {
    TaskRun wrapper = activity("Run sales daily", "ExecutePipeline", "BadRequest",
        "Operation on target Copy sales failed: " + ERROR, Optional.empty());
    TaskRun copy = activity("Copy sales", "Copy", "2200", ERROR, Optional.of("Run sales daily"));
    return new FailedRun(event(PARENT, "pl_nightly"), "pl_nightly", Optional.empty(), failed(), List.of(wrapper, copy),
        Map.of()).withChain(CHAIN);
  }

  /** The child as its own alert reads it: it learnt its parent from invokedBy. */
  private static FailedRun childRun() {
    TaskRun copy = activity("Copy sales", "Copy", "2200", ERROR, Optional.empty());
    return new FailedRun(event(CHILD, "pl_sales_daily"), "pl_sales_daily", Optional.empty(), failed(),
        List.of(copy), Map.of()).withChain(CHAIN);
  }

  private static TaskRun activity(String name, String kind, String code, String message, Optional<String> parent) {
    return new TaskRun(name, new RunId(name.replace(' ', '-')), kind, List.of(),
        RunState.of(RunOutcome.FAILED, "Failed", ""), 0,
        Optional.of(new TaskError(message, "", "", false, code, "UserError")), Optional.empty(), parent, Map.of());
  }

  private static RunState failed() {
    return RunState.of(RunOutcome.FAILED, "Failed", "Operation on target Copy sales failed");
  }

  private HandleFailureResult deliver(FailedRun run, String delivery) {
    adf.add(run);
    return service.handle(new HandleFailureCommand(run.event(), delivery));
  }

  @Test
  void should_file_the_parent_alert_under_the_child_run_with_the_child_pipeline_as_job() {
    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) deliver(parentRun(), "d-parent");

    Incident incident = handled.filing().incident();
    assertThat(handled.filing()).isInstanceOf(Filing.Opened.class);
    assertThat(incident.firstRun()).isEqualTo(CHILD);
    assertThat(incident.jobName()).isEqualTo("pl_sales_daily");
    assertThat(tracker.tickets()).singleElement().satisfies(ticket ->
        assertThat(ticket.description()).contains("Impact: wrapped by adf pl_nightly, run ADF:parent-run"));
  }

  @Test
  void should_sign_the_parent_alert_as_the_child_alert_signs() {
    SignatureCalculator signatures = new SignatureCalculator();
    RuleBasedAnalyzer rules = RuleBasedAnalyzer.withDefaultCatalogue();

    assertThat(signatures.signatureOf(parentRun(), rules.analyze(parentRun())))
        .isEqualTo(signatures.signatureOf(childRun(), rules.analyze(childRun())));
  }

  @Test
  void should_leave_the_child_alert_a_duplicate_when_the_parent_alert_came_first() {
    deliver(parentRun(), "d-parent");

    HandleFailureResult child = deliver(childRun(), "d-child");

    assertThat(child).isInstanceOf(HandleFailureResult.Duplicate.class);
    assertThat(incidents.list(IncidentQuery.all(10))).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(notifier.sent()).hasSize(1);
  }

  @Test
  void should_let_the_parent_alert_join_the_incident_of_the_child_alert_that_came_first() {
    Incident incident = ((HandleFailureResult.Handled) deliver(childRun(), "d-child")).filing().incident();

    HandleFailureResult parent = deliver(parentRun(), "d-parent");

    assertThat(parent).isInstanceOf(HandleFailureResult.Skipped.class);
    assertThat(((HandleFailureResult.Skipped) parent).reason())
        .contains("part of the failure chain of incident " + incident.id());
    assertThat(incidents.list(IncidentQuery.all(10))).singleElement().satisfies(only -> {
      assertThat(only.id()).isEqualTo(incident.id());
      assertThat(only.occurrences()).isEqualTo(1);
    });
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(tracker.comments(incidents.find(incident.id()).orElseThrow().ticket().orElseThrow().key())).isEmpty();
    assertThat(notifier.sent()).hasSize(1);
    assertThat(incidents.auditTrail(PARENT)).extracting(AuditEntry::action)
        .contains(AuditAction.FAILURE_CHAIN)
        .doesNotContain(AuditAction.INCIDENT_OPENED, AuditAction.OCCURRENCE_ADDED, AuditAction.ANALYZED);
  }

  @Test
  void should_let_the_child_alert_ticket_when_the_parent_alert_is_handled_while_the_child_alert_waits() {
    // Both alerts are in the inbox: the child's delivery claimed the child run when it was stored.
    incidents.claim(CHILD, "d-child", clock.instant());

    HandleFailureResult parent = deliver(parentRun(), "d-parent");
    HandleFailureResult child = service.handleClaimed(new HandleFailureCommand(childRun().event(), "d-child"));

    assertThat(parent).isInstanceOf(HandleFailureResult.Skipped.class);
    assertThat(child).isInstanceOfSatisfying(HandleFailureResult.Handled.class,
        handled -> assertThat(handled.filing()).isInstanceOf(Filing.Opened.class));
    assertThat(incidents.list(IncidentQuery.all(10))).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(notifier.sent()).hasSize(1);
  }
}
