package dev.aiops.rca.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Filing;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.RunClaim;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.testkit.Samples;
import java.time.Clock;
import java.util.List;
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
    // Version 1 already holds the incident store: write through the repository's own SQL.
    try (JdbcStore v1 = JdbcStore.openWithoutMigrating(settings)) {
      JdbiIncidentRepository incidents = v1.incidents();
      assertThat(incidents.claim(run, "d-1", Samples.T0)).isEqualTo(RunClaim.CLAIMED);
      before = incidents.file(Samples.draft("1", 'a', Samples.T0)).incident();
      incidents.append(new AuditEntry(Samples.T0, run, Optional.of(before.id()), "pipeline",
          AuditAction.INCIDENT_OPENED, "opened"));
    }

    JdbcStore latest = databases().track(JdbcStore.open(settings));

    assertThat(latest.schemaVersion()).isEqualTo("2");
    JdbiIncidentRepository incidents = latest.incidents();
    assertThat(incidents.find(before.id())).contains(before);
    assertThat(incidents.auditTrail(before.id())).extracting(AuditEntry::detail).containsExactly("opened");
    assertThat(incidents.claim(run, "d-2", Samples.T0)).isEqualTo(RunClaim.ALREADY_CLAIMED);
    assertThat(incidents.file(Samples.draft("2", 'a', Samples.T0))).isInstanceOf(Filing.Recurred.class);
    assertThat(latest.builtinIssueTracker(Clock.systemUTC()).count()).isZero();
    assertThat(latest.inbox(InboxSettings.defaults(), Clock.systemUTC()).list(Optional.empty(), 10)).isEmpty();
    assertThat(latest.effects().pending(10)).isEqualTo(List.of());
  }
}
