package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.effect.EffectKey;
import dev.aiops.rca.core.lifecycle.IncidentUpdates;
import dev.aiops.rca.core.lifecycle.ResolveIncidentService;
import dev.aiops.rca.core.notify.Notifiers;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.Effect;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.port.in.ResolveIncidentCommand;
import dev.aiops.rca.testkit.InMemoryEffectLog;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several notifiers at once: each tells people once, and one that fails is tried again alone. */
class FanOutNotifiersTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";
  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier slack = new InMemoryNotifier();
  private final InMemoryNotifier teams = new InMemoryNotifier();
  private final InMemoryEffectLog effects = new InMemoryEffectLog();
  private final Notifiers notifiers = Notifiers.of(List.of(new Notifiers.Named("slack", slack),
      new Notifiers.Named("teams", teams)));

  private HandleFailureService service(StormGate storms) {
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents,
        incidents, incidents, tracker, notifiers, Map.of(), change -> { }, clock, effects);
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(RemediationSettings.defaults()), Redactor.standard(),
        HandleFailureService.DEFAULT_COST_TAG_KEYS, storms);
  }

  private HandleFailureService service() {
    return service(StormGate.unlimited(notifiers, clock));
  }

  private static HandleFailureCommand delivery(String runId, String deliveryId) {
    return new HandleFailureCommand(Samples.databricksEvent(runId), deliveryId);
  }

  private Incident only() {
    return incidents.list(IncidentQuery.all(10)).get(0);
  }

  @Test
  void should_tell_each_notifier_once_under_its_own_key_when_an_incident_opens() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));

    service().handle(delivery("1", "d-1"));

    assertThat(slack.sent()).hasSize(1);
    assertThat(teams.sent()).hasSize(1);
    Incident incident = only();
    assertThat(incident.notification()).map(ref -> ref.messageId()).contains("msg-1");
    String primaryKey = EffectKey.notification(incident).value();
    assertThat(effects.find(primaryKey)).map(Effect::state).contains(EffectState.DONE);
    assertThat(effects.find(primaryKey + "-teams")).map(Effect::reference).contains(Optional.of("#fake/msg-1"));
  }

  @Test
  void should_not_repeat_the_primary_message_when_only_another_notifier_failed() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    teams.failures().failNext(new TransientPortException("teams throttled"));

    HandleFailureResult first = service().handle(delivery("1", "d-1"));
    service().handle(delivery("1", "d-1"));

    assertThat(((HandleFailureResult.Handled) first).problems()).singleElement().asString()
        .startsWith("notification not sent (teams)");
    assertThat(slack.sent()).hasSize(1);
    assertThat(teams.sent()).hasSize(1);
  }

  @Test
  void should_retry_the_primary_alone_when_the_primary_failed() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    slack.failures().failNext(new TransientPortException("slack down"));

    service().handle(delivery("1", "d-1"));
    assertThat(only().notification()).isEmpty();
    service().handle(delivery("1", "d-1"));

    assertThat(slack.sent()).hasSize(1);
    assertThat(teams.sent()).hasSize(1);
    assertThat(only().notification()).isPresent();
  }

  @Test
  void should_update_each_message_once_when_the_failure_recurs_and_retry_only_the_one_that_failed() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE)).add(Samples.databricksRun("2", MISSING_TABLE));
    HandleFailureService service = service();
    service.handle(delivery("1", "d-1"));
    teams.failures().failNext(new TransientPortException("teams throttled"));

    service.handle(delivery("2", "d-2"));
    assertThat(teams.updates()).isEmpty();
    service.handle(delivery("2", "d-2"));

    assertThat(slack.updates()).hasSize(1);
    assertThat(teams.updates()).singleElement().satisfies(r -> assertThat(r.occurrences()).isEqualTo(2));
  }

  @Test
  void should_list_the_incident_on_each_notifier_s_storm_summary_when_a_storm_begins() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE)).add(Samples.databricksRun("2", TIMEOUT));
    HandleFailureService service = service(new StormGate(notifiers, 1, clock));

    service.handle(delivery("1", "d-1"));
    service.handle(delivery("2", "d-2"));

    assertThat(slack.sent()).hasSize(1);
    assertThat(teams.sent()).hasSize(1);
    assertThat(slack.summaries()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
    assertThat(teams.summaries()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
  }

  @Test
  void should_redraw_each_message_as_resolved_when_a_person_resolves_the_incident() {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE));
    service().handle(delivery("1", "d-1"));
    IncidentUpdates updates = new IncidentUpdates(incidents, effects, tracker, notifiers, clock);
    ResolveIncidentService resolving = new ResolveIncidentService(incidents, incidents, updates, change -> { },
        clock);
    teams.failures().failNext(new TransientPortException("teams throttled"));

    resolving.resolve(new ResolveIncidentCommand(only().id(), "olga", "table restored"));

    assertThat(slack.refreshes()).extracting(n -> n.incident().status()).containsExactly(IncidentStatus.RESOLVED);
    assertThat(teams.refreshes()).isEmpty();
    assertThat(incidents.auditTrail(only().id())).anySatisfy(entry -> assertThat(entry.detail())
        .startsWith("message not redrawn with status RESOLVED (teams)"));

    Notification resolved = slack.refreshes().get(0);
    updates.redraw(only(), resolved, only().firstRun(), "olga", "status RESOLVED");

    assertThat(slack.refreshes()).hasSize(1);
    assertThat(teams.refreshes()).extracting(n -> n.incident().status()).containsExactly(IncidentStatus.RESOLVED);
  }
}
