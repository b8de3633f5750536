package dev.aiops.rca.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.in.AnalyzeEvidenceResult;
import dev.aiops.rca.testkit.InMemoryFailedRunSource;
import dev.aiops.rca.testkit.InMemoryIssueTracker;
import dev.aiops.rca.testkit.InMemoryNotifier;
import dev.aiops.rca.testkit.InMemoryRemediationExecutor;
import dev.aiops.rca.testkit.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade assembled from in-memory ports and an H2 pool of the caller's, as an embedding application would. */
class RcaAssistantTest {

  private static final String TIMEOUT = "java.net.SocketTimeoutException: connect timed out to api.example.com";
  private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
  private static final String KNOWN_SECRET = "hunter2-known-secret";

  private final HikariDataSource pool = pool();
  private final InMemoryFailedRunSource databricks = new InMemoryFailedRunSource(Source.DATABRICKS);
  private final InMemoryRemediationExecutor repairs = new InMemoryRemediationExecutor(Source.DATABRICKS,
      Clock.systemUTC());
  private final InMemoryIssueTracker tracker = new InMemoryIssueTracker();
  private final InMemoryNotifier notifier = new InMemoryNotifier();

  @AfterEach
  void closePool() {
    pool.close();
  }

  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:facade_" + UUID.randomUUID().toString().replace("-", "")
        + JdbcSettings.H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private RcaAssistant assistant() {
    return RcaAssistant.builder()
        .source(databricks)
        .executor(Source.DATABRICKS, repairs)
        .issueTracker(tracker)
        .notifier("memory", notifier)
        .knownSecrets(Set.of(KNOWN_SECRET))
        .store(pool)
        .reconcileEvery(Duration.ZERO)
        .build();
  }

  private static String webhook(String runId) {
    return "{\"event\":\"on_failure\",\"run_id\":" + runId + ",\"job_id\":42,\"job_name\":\"etl_orders\"}";
  }

  private static Incident awaitIncident(RcaAssistant rca) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      List<Incident> found = rca.incidents().list(IncidentQuery.all(10));
      if (!found.isEmpty() && found.get(0).notification().isPresent()) {
        return found.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no incident with a message within 20 s");
  }

  private static void awaitSuggestion(RcaAssistant rca, Incident incident) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      if (rca.incidents().details(incident.id()).orElseThrow().remediations().stream()
          .anyMatch(r -> r.status() == RemediationStatus.SUGGESTED)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no remediation suggested within 20 s: "
        + rca.incidents().details(incident.id()).orElseThrow().auditTrail());
  }

  @Test
  void should_file_a_ticket_and_send_a_message_when_a_databricks_webhook_is_received_and_the_workers_run()
      throws Exception {
    databricks.add(Samples.databricksRun("7001", TIMEOUT));
    try (RcaAssistant rca = assistant()) {
      IntakeResult intake = rca.receive(Source.DATABRICKS, Map.of("Content-Type", "application/json"),
          webhook("7001"));
      rca.start();

      assertThat(intake).isInstanceOf(IntakeResult.Accepted.class);
      Incident incident = awaitIncident(rca);
      assertThat(incident.ticket()).isPresent();
      assertThat(tracker.tickets()).singleElement()
          .satisfies(ticket -> assertThat(ticket.summary()).contains("etl_orders"));
      assertThat(notifier.sent()).hasSize(1);
    }
    assertThat(pool.isClosed()).as("the caller's pool stays open").isFalse();
  }

  @Test
  void should_resolve_an_incident_and_run_an_approved_repair() throws Exception {
    databricks.add(Samples.databricksRun("7002", TIMEOUT));
    try (RcaAssistant rca = assistant()) {
      rca.receive(Source.DATABRICKS, Map.of(), webhook("7002"));
      rca.start();
      Incident incident = awaitIncident(rca);
      awaitSuggestion(rca, incident);

      var outcome = rca.approve(incident.id(), RemediationAction.REPAIR_FAILED_TASKS, "alice");
      var resolved = rca.resolve(incident.id(), "alice", "fixed the endpoint");

      assertThat(outcome.status()).isEqualTo(RemediationStatus.EXECUTED);
      assertThat(repairs.executed()).singleElement()
          .satisfies(plan -> assertThat(plan.action()).isEqualTo(RemediationAction.REPAIR_FAILED_TASKS));
      assertThat(resolved.changed()).isTrue();
      assertThat(rca.incidents().details(incident.id())).hasValueSatisfying(
          details -> assertThat(details.incident().status()).isEqualTo(IncidentStatus.RESOLVED));
    }
  }

  @Test
  void should_redact_secrets_and_store_nothing_when_a_run_is_analysed() {
    try (RcaAssistant rca = assistant()) {
      AnalyzeEvidenceResult result = rca.analyze(Samples.databricksRun("7003",
          TIMEOUT + " with token " + TOKEN + " and password " + KNOWN_SECRET));

      assertThat(result.rcaText()).contains("SocketTimeoutException").doesNotContain(TOKEN, KNOWN_SECRET);
      assertThat(result.analysis().toString()).doesNotContain(TOKEN, KNOWN_SECRET);
      assertThat(rca.incidents().list(IncidentQuery.all(10))).isEmpty();
      assertThat(tracker.tickets()).isEmpty();
      assertThat(notifier.sent()).isEmpty();
      assertThat(databricks.fetches()).isEmpty();
    }
  }

  @Test
  void should_keep_incidents_in_an_in_memory_database_when_no_store_is_given() {
    try (RcaAssistant rca = RcaAssistant.builder().notifier("memory", notifier).build()) {
      assertThat(rca.schemaVersion()).isNotBlank();
      assertThat(rca.incidents().list(IncidentQuery.all(10))).isEmpty();
      assertThat(rca.receiveWebhook().sources()).contains(Source.DATABRICKS, Source.ADF);
    }
  }

  @Test
  void should_refuse_to_build_when_no_notifier_is_given() {
    assertThatThrownBy(() -> RcaAssistant.builder().store(pool).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no notifier");
  }
}
