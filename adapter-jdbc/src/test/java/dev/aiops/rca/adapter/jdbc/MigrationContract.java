package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.DeliveryStatus;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentDraft;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.Samples;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A database created by the first migration, with data in it, upgrades cleanly to the latest schema. */
interface MigrationContract {

  TestDatabases databases();

  /** Settings of a fresh, empty database. */
  JdbcSettings freshDatabase();

  @Test
  default void should_keep_the_data_and_add_the_new_tables_when_a_version_1_database_upgrades() {
    JdbcSettings settings = freshDatabase();
    JdbcStore.migrateTo(settings, "1");
    RunKey run = RunKey.of(Source.DATABRICKS, "1");
    Incident before;
    // Version 1 already holds the incident store: write its rows with version 1's own columns, as a release of
    // that time would have (the repository's SQL of today also writes the columns later migrations added).
    try (JdbcStore v1 = JdbcStore.openWithoutMigrating(settings)) {
      IncidentDraft draft = Samples.draft("1", 'a', Samples.T0);
      long id = v1.jdbi().withHandle(h -> {
        h.createUpdate("INSERT INTO run_claims (source, run_id, claimant, claimed_at) VALUES ('DATABRICKS', '1', "
            + "'d-1', :at)").bind("at", Samples.T0).execute();
        long next = h.createQuery("SELECT nextval('incident_ids')").mapTo(Long.class).one();
        h.createUpdate("""
                INSERT INTO incidents (id, signature, open_signature, first_source, first_run_id, job_name, status,
                    category, occurrences, first_seen, last_seen, analysis)
                VALUES (:id, :signature, :signature, 'DATABRICKS', '1', :job, 'OPEN', :category, 1, :at, :at,
                    :analysis)""")
            .bind("id", next).bind("signature", draft.signature().value()).bind("job", draft.jobName())
            .bind("category", draft.analysis().category().name()).bind("at", Samples.T0)
            .bind("analysis", AnalysisJson.write(draft.analysis()))
            .execute();
        h.createUpdate("INSERT INTO occurrences (source, run_id, incident_id, occurred_at) "
            + "VALUES ('DATABRICKS', '1', :id, :at)").bind("id", next).bind("at", Samples.T0).execute();
        return next;
      });
      before = new Incident(new IncidentId(id), draft.signature(), run, draft.jobName(), IncidentStatus.OPEN, 1,
          Samples.T0, Samples.T0, draft.analysis(), Optional.empty(), Optional.empty(), Map.of());
      v1.jdbi().useHandle(h -> h.createUpdate("""
              INSERT INTO audit_entries (at, source, run_id, incident_id, actor, action, detail)
              VALUES (:at, 'DATABRICKS', '1', :incident, 'pipeline', :action, 'opened')""")
          .bind("at", Samples.T0).bind("incident", id).bind("action", AuditAction.INCIDENT_OPENED.name())
          .execute());
      // A repair started before results were followed: after the upgrade it is a run still to follow.
      v1.jdbi().useHandle(h -> h.createUpdate("""
              INSERT INTO remediation_outcomes (incident_id, action, target_source, target_run_id, tasks, reason,
                  status, detail, at, new_run_id)
              VALUES (:incident, 'REPAIR_FAILED_TASKS', 'DATABRICKS', '1', '[]', 'transient', 'EXECUTED',
                  'repair 9 started', :at, '9')""")
          .bind("incident", id).bind("at", Samples.T0)
          .execute());
    }

    JdbcStore latest = databases().track(JdbcStore.open(settings));

    assertThat(latest.schemaVersion()).isEqualTo("11");
    JdbiIncidentRepository incidents = latest.incidents();
    assertThat(incidents.find(before.id())).contains(before);
    assertThat(incidents.find(before.id()).orElseThrow().costTags()).isEmpty();
    assertThat(incidents.auditTrail(before.id())).extracting(AuditEntry::detail).containsExactly("opened");
    assertThat(incidents.claim(run, "d-2", Samples.T0)).isEqualTo(RunClaim.ALREADY_CLAIMED);
    assertThat(incidents.file(Samples.draft("2", 'a', Samples.T0))).isInstanceOf(Filing.Recurred.class);
    Incident tagged = incidents.file(Samples.draft("3", 'b', Samples.T0, Map.of("team", "data"))).incident();
    assertThat(incidents.find(tagged.id()).orElseThrow().costTags()).isEqualTo(Map.of("team", "data"));
    assertThat(latest.builtinIssueTracker(Clock.systemUTC()).count()).isZero();
    assertThat(latest.inbox(Clock.systemUTC()).list(Optional.empty(), 10)).isEmpty();
    assertThat(latest.effects().pending(10)).isEqualTo(List.of());
    assertThat(incidents.unfinishedRemediations(10)).singleElement()
        .satisfies(outcome -> assertThat(outcome.newRun()).map(Object::toString).contains("9"));
  }

  @Test
  default void should_dead_letter_with_a_reason_an_alert_window_that_an_earlier_version_stored_as_a_run() {
    JdbcSettings settings = freshDatabase();
    JdbcStore.migrateTo(settings, "4");
    try (JdbcStore v4 = JdbcStore.openWithoutMigrating(settings)) {
      v4.jdbi().useHandle(h -> h.createUpdate("""
              INSERT INTO inbox (delivery_id, status, source, run_id, job_id, job_name, workspace, occurred_at, body,
                  headers, received_at, attempts, next_attempt_at)
              VALUES ('hdr:a-1', 'PENDING', 'ADF', 'alert-window-0123456789abcdef', '', 'alert', 'adf-prod', :at,
                  '{}', '{}', :at, 0, :at)""").bind("at", Samples.T0).execute());
    }

    try (JdbcStore latest = JdbcStore.open(settings)) {
      assertThat(latest.inbox(Clock.systemUTC()).find("hdr:a-1")).hasValueSatisfying(entry -> {
        assertThat(entry.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(entry.lastError()).hasValueSatisfying(error -> assertThat(error).contains("re-send the alert"));
      });
    }
  }
}
