package dev.aiops.rca.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.redaction.Redactor;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.core.routing.Glob;
import dev.aiops.rca.core.routing.Route;
import dev.aiops.rca.core.routing.RouteMatch;
import dev.aiops.rca.core.routing.Routes;
import dev.aiops.rca.core.routing.RoutingService;
import dev.aiops.rca.core.routing.RoutingSettings;
import dev.aiops.rca.core.storm.StormGate;
import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.in.HandleFailureResult;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIncidentRepository;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RecordingIncidentEvents;
import dev.aiops.rca.testkit.Samples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandleFailureRoutingTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";
  private static final Destinations ORDERS = new Destinations(Optional.of("#orders-oncall"), List.of("U024BE7LH"),
      Optional.empty(), Optional.empty(), List.of(), Optional.of("ORD"), Optional.of("ETL"),
      Optional.of("5b10ac8d82e05b22cc7d4ef5"), Optional.of("Orders Data"));

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryIncidentRepository incidents = new InMemoryIncidentRepository();
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final Routes routes = new Routes(List.of(new Route("orders",
      new RouteMatch(Set.of(), List.of(Glob.of("etl_*")), Map.of("team", Glob.of("orders")), List.of(), Set.of(),
          Set.of()), ORDERS, Optional.of("https://wiki.example/rb/{category}?job={job}"), Optional.empty())),
      Route.fallback(Destinations.DEFAULTS), Map.of());

  private HandleFailureService service() {
    PipelinePorts ports = new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents,
        incidents, incidents, tracker, notifier, Map.of(), new RecordingIncidentEvents(), clock);
    return new HandleFailureService(ports, RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
        new RemediationPolicy(RemediationSettings.defaults()), Redactor.standard(),
        HandleFailureService.DEFAULT_COST_TAG_KEYS, StormGate.unlimited(notifier, clock),
        new RoutingService(routes, RoutingSettings.defaults()));
  }

  private void runFails(String runId, Map<String, String> tags) {
    FailedRun run = Samples.databricksRun(runId, MISSING_TABLE);
    databricks.add(new FailedRun(run.event(), run.runName(), run.runPageUrl(), run.state(), run.tasks(), tags));
  }

  private Incident deliver(String runId) {
    HandleFailureResult.Handled handled =
        (HandleFailureResult.Handled) service().handle(new HandleFailureCommand(Samples.databricksEvent(runId)));
    return incidents.find(handled.filing().incident().id()).orElseThrow();
  }

  @Test
  void should_assign_and_send_to_the_routes_destinations_when_a_new_incident_is_filed() {
    runFails("1", Map.of("team", "orders", "owner", "alice"));

    Incident incident = deliver("1");

    assertThat(incident.assignment()).isEqualTo(new Assignment("orders", Optional.of("alice"), Priority.P2,
        Optional.of("https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders")));
    assertThat(tracker.tickets()).singleElement().satisfies(request -> {
      assertThat(request.priority()).isEqualTo(Priority.P2);
      assertThat(request.destinations()).isEqualTo(ORDERS);
      assertThat(request.description()).contains("Priority: P2", "Owner: alice",
          "Runbook: https://wiki.example/rb/TABLE_OR_VIEW_NOT_FOUND?job=etl_orders");
    });
    assertThat(notifier.sent()).singleElement().satisfies(n -> {
      assertThat(n.destinations()).isEqualTo(ORDERS);
      assertThat(n.priority()).isEqualTo(Priority.P2);
    });
    assertThat(incidents.auditTrail(incident.id())).extracting(AuditEntry::detail)
        .anySatisfy(d -> assertThat(d).contains("route orders, owner alice, priority P2"));
  }

  @Test
  void should_raise_the_priority_and_redraw_the_message_when_the_failure_recurs_at_the_threshold() {
    for (String run : List.of("1", "2", "3")) {
      runFails(run, Map.of("team", "orders"));
    }

    deliver("1");
    assertThat(deliver("2").assignment().priority()).isEqualTo(Priority.P2);
    Incident third = deliver("3");

    assertThat(third.assignment().priority()).isEqualTo(Priority.P1);
    assertThat(third.assignment().route()).isEqualTo("orders");
    assertThat(notifier.refreshes()).last().satisfies(n -> {
      assertThat(n.priority()).isEqualTo(Priority.P1);
      assertThat(n.destinations()).isEqualTo(ORDERS);
    });
    assertThat(incidents.auditTrail(third.id())).filteredOn(e -> e.action() == AuditAction.OCCURRENCE_ADDED)
        .extracting(AuditEntry::detail).last().asString().contains("priority raised from P2 to P1");
  }

  @Test
  void should_page_when_the_alert_that_reported_the_failure_was_critical() {
    FailedRun run = Samples.databricksRun("9", MISSING_TABLE);
    databricks.add(run);

    HandleFailureResult.Handled handled = (HandleFailureResult.Handled) service().handle(new HandleFailureCommand(
        Samples.databricksEvent("9").withAlertSeverity(Optional.of(AlertSeverity.SEV0))));

    assertThat(handled.filing().incident().assignment().priority()).isEqualTo(Priority.P1);
    assertThat(handled.filing().incident().assignment().route()).isEqualTo(Assignment.DEFAULT_ROUTE);
  }
}
