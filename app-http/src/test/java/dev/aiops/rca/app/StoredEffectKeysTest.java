package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.jdbc.BuiltinIssueTracker;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.adapter.jdbc.JdbcStore;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.core.dedup.SignatureCalculator;
import dev.aiops.rca.core.pipeline.HandleFailureService;
import dev.aiops.rca.core.pipeline.PipelinePorts;
import dev.aiops.rca.core.remediation.RemediationPolicy;
import dev.aiops.rca.core.remediation.RemediationSettings;
import dev.aiops.rca.domain.EffectState;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.HandleFailureCommand;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.Samples;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database written by the earlier code, its effects and ticket inserted by SQL under the keys as that code
 * spelled them: the pipeline resumes on it without a second ticket, comment or message.
 */
class StoredEffectKeysTest {

  private static final String MISSING_TABLE =
      "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `prod`.`users` cannot be found.";

  private final JdbcSettings settings =
      JdbcSettings.h2InMemory("keys_" + UUID.randomUUID().toString().replace("-", ""));
  private final JdbcStore store = JdbcStore.open(settings);
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final IncidentRepository incidents = store.incidents();
  private final BuiltinIssueTracker tracker = store.builtinIssueTracker(clock);
  private final InMemoryNotifier notifier = new InMemoryNotifier();
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final HandleFailureService pipeline = new HandleFailureService(
      new PipelinePorts(Map.of(Source.DATABRICKS, databricks), Optional.empty(), incidents, store.audit(),
          store.remediationLog(), tracker, notifier, Map.of(), change -> { }, clock, store.effects()),
      RuleBasedAnalyzer.withDefaultCatalogue(), new SignatureCalculator(),
      new RemediationPolicy(RemediationSettings.defaults()));

  @AfterEach
  void close() {
    store.close();
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), "");
        Statement statement = connection.createStatement()) {
      for (String each : statements) {
        statement.executeUpdate(each);
      }
    }
  }

  private long count(String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void should_resume_on_the_effects_and_the_ticket_stored_under_the_old_keys() throws SQLException {
    databricks.add(Samples.databricksRun("1", MISSING_TABLE)).add(Samples.databricksRun("2", MISSING_TABLE));
    // The earlier code filed incident 1 and opened its ticket, then stopped before recording it.
    incidents.claim(RunKey.of(Source.DATABRICKS, "1"), "d-1", Samples.T0);
    Incident incident = incidents.file(Samples.draft("1", 'a', Samples.T0)).incident();
    assertThat(incident.id().value()).isEqualTo(1);
    sql("""
        INSERT INTO tickets (ticket_key, idempotency_key, incident_id, signature, summary, description, labels,
            category, occurrences, created_at, updated_at)
        VALUES ('RCA-1', 'rca-aaaaaaaaaaaa-1', 1, '%s', '[RCA] etl_orders failed', 'report', '["rca"]',
            'TABLE_OR_VIEW_NOT_FOUND', 1, TIMESTAMP WITH TIME ZONE '2026-11-26 10:00:00+00',
            TIMESTAMP WITH TIME ZONE '2026-11-26 10:00:00+00')""".formatted("a".repeat(64)),
        // The earlier code drew RCA-1 from the sequence: a second ticket would be RCA-2.
        "ALTER SEQUENCE ticket_numbers RESTART WITH 2",
        """
        INSERT INTO effects (idempotency_key, kind, incident_id, state, intended_at)
        VALUES ('rca-aaaaaaaaaaaa-1', 'TICKET', 1, 'PENDING', TIMESTAMP WITH TIME ZONE '2026-11-26 10:00:00+00')""");

    pipeline.handle(new HandleFailureCommand(Samples.databricksEvent("1"), "d-1"));

    assertThat(tracker.count()).isEqualTo(1);
    assertThat(incidents.find(incident.id()).orElseThrow().ticket()).map(t -> t.key()).contains("RCA-1");
    assertThat(store.effects().find("rca-aaaaaaaaaaaa-1")).map(e -> e.state()).contains(EffectState.DONE);
    assertThat(store.effects().find("notify-aaaaaaaaaaaa-1")).map(e -> e.state()).contains(EffectState.DONE);
    assertThat(notifier.sent()).hasSize(1);

    // The earlier code filed run 2 and told the ticket and the message of it, then stopped before the delivery
    // was settled.
    incidents.claim(RunKey.of(Source.DATABRICKS, "2"), "d-2", Samples.T0);
    incidents.file(Samples.draft("2", 'a', Samples.T0));
    sql("""
        INSERT INTO effects (idempotency_key, kind, incident_id, state, reference, intended_at, done_at)
        VALUES ('recur-ticket-1-DATABRICKS:2', 'TICKET', 1, 'DONE', 'RCA-1',
            TIMESTAMP WITH TIME ZONE '2026-11-26 10:05:00+00', TIMESTAMP WITH TIME ZONE '2026-11-26 10:05:00+00'),
          ('recur-notify-1-DATABRICKS:2', 'NOTIFICATION', 1, 'DONE', 'm-1',
            TIMESTAMP WITH TIME ZONE '2026-11-26 10:05:00+00', TIMESTAMP WITH TIME ZONE '2026-11-26 10:05:00+00')""");

    pipeline.handle(new HandleFailureCommand(Samples.databricksEvent("2"), "d-2"));

    assertThat(incidents.find(incident.id()).orElseThrow().occurrences()).isEqualTo(2);
    assertThat(tracker.count()).isEqualTo(1);
    assertThat(count("ticket_comments")).isZero();
    assertThat(notifier.updates()).isEmpty();
  }
}
