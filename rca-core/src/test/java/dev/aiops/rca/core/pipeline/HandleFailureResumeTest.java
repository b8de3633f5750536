package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectKind;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A delivery whose processing was interrupted is handled again by the same delivery id: nothing is doubled. */
class HandleFailureResumeTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";

  /** Stands for the process dying: not a port failure, so the pipeline does not catch it. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
      super("simulated crash in " + where);
    }
  }

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();

  private HandleFailureService service(IncidentRepository store) {
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), store,
        incidents, incidents, tracker, notifier, Map.of(), change -> { }, clock, effects);
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(RemediationSettings.defaults()));
  }

  /** The repository, crashing once when {@code method} is called. */
  private IncidentRepository crashingOnceIn(String method) {
    AtomicBoolean crashed = new AtomicBoolean();
    return (IncidentRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {IncidentRepository.class}, (proxy, m, args) -> {
          if (m.getName().equals(method) && crashed.compareAndSet(false, true)) {
            throw new SimulatedCrash(method);
          }
          try {
            return m.invoke(incidents, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static HandleFailureCommand delivery(String deliveryId) {
    return new HandleFailureCommand(Samples.databricksEvent("1"), deliveryId);
  }

  @Test
  void should_handle_the_run_again_without_doubling_when_the_same_delivery_resumes() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    HandleFailureService service = service(incidents);

    service.handle(delivery("d-1"));
    HandleFailureResult again = service.handle(delivery("d-1"));

    assertThat(again).isInstanceOf(HandleFailureResult.Handled.class);
    assertThat(incidents.list(IncidentQuery.all(10))).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(tracker.openCalls()).isEqualTo(1);
    assertThat(notifier.sent()).hasSize(1);
  }

  @Test
  void should_treat_another_delivery_of_the_run_as_a_duplicate_when_the_first_holds_the_claim() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    HandleFailureService service = service(incidents);
    service.handle(delivery("d-1"));

    HandleFailureResult other = service.handle(delivery("d-2"));

    assertThat(other).isInstanceOf(HandleFailureResult.Duplicate.class);
    assertThat(incidents.allAudit()).filteredOn(e -> e.action() == AuditAction.DUPLICATE_DELIVERY)
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("d-2"));
  }

  @Test
  void should_not_open_a_second_ticket_when_a_crash_came_between_opening_and_recording_it() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));

    assertThatThrownBy(() -> service(crashingOnceIn("attachTicket")).handle(delivery("d-1")))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(effects.pending(10)).extracting(Effect::kind).containsExactly(EffectKind.TICKET);

    HandleFailureResult.Handled resumed = (HandleFailureResult.Handled) service(incidents).handle(delivery("d-1"));

    assertThat(tracker.tickets()).hasSize(1);
    assertThat(tracker.openCalls()).isEqualTo(1);
    assertThat(resumed.filing().incident().ticket()).map(t -> t.key()).contains("FAKE-1");
    assertThat(notifier.sent()).hasSize(1);
    assertThat(effects.pending(10)).isEmpty();
    assertThat(effects.all()).extracting(Effect::state).containsOnly(EffectState.DONE);
  }

  @Test
  void should_notify_once_when_a_crash_came_before_the_message_was_sent() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    notifier.failures().failNext(new SimulatedCrash("notify"));

    assertThatThrownBy(() -> service(incidents).handle(delivery("d-1"))).isInstanceOf(SimulatedCrash.class);
    service(incidents).handle(delivery("d-1"));

    assertThat(notifier.sent()).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
    assertThat(incidents.list(IncidentQuery.all(10))).singleElement()
        .satisfies(i -> assertThat(i.notification()).isPresent());
  }

  @Test
  void should_not_tell_the_ticket_twice_when_a_recurrence_is_resumed() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE)).add(Samples.databricksRun("2", MISSING_TABLE));
    HandleFailureService service = service(incidents);
    service.handle(delivery("d-1"));
    HandleFailureCommand second = new HandleFailureCommand(Samples.databricksEvent("2"), "d-2");

    service.handle(second);
    service.handle(second);

    assertThat(tracker.recurrences()).hasSize(1);
    assertThat(notifier.updates()).hasSize(1);
    assertThat(incidents.list(IncidentQuery.all(10))).singleElement()
        .satisfies(i -> assertThat(i.occurrences()).isEqualTo(2));
  }
}
