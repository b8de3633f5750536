package dev.aiops.rca.adapter.jdbc;

import dev.aiops.rca.port.out.AuditTrail;
import dev.aiops.rca.port.out.DeliveryInbox;
import dev.aiops.rca.port.out.IncidentRepository;
import dev.aiops.rca.port.out.RemediationLog;
import dev.aiops.rca.port.out.SweepLedger;
import dev.aiops.rca.testkit.AuditTrailContract;
import dev.aiops.rca.testkit.DeliveryInboxContract;
import dev.aiops.rca.testkit.IncidentRepositoryContract;
import dev.aiops.rca.testkit.MutableClock;
import dev.aiops.rca.testkit.RemediationLogContract;
import dev.aiops.rca.testkit.SweepLedgerContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The contracts of the five ports one JDBC store implements (incidents, audit trail, remediation log, delivery
 * inbox, sweep ledger), each test on a fresh database of the kind {@link #open} gives.
 */
abstract class StoreContracts implements IncidentRepositoryContract, AuditTrailContract, RemediationLogContract,
    DeliveryInboxContract, SweepLedgerContract {

  private final TestDatabases databases = new TestDatabases();
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final JdbcStore store = open(databases);

  /** A fresh, migrated store on this test's database kind. */
  abstract JdbcStore open(TestDatabases databases);

  @Override
  public IncidentRepository subject() {
    return store.incidents();
  }

  @Override
  public IncidentRepository incidents() {
    return store.incidents();
  }

  @Override
  public AuditTrail audit() {
    return store.audit();
  }

  @Override
  public RemediationLog remediationLog() {
    return store.remediationLog();
  }

  @Override
  public DeliveryInbox inbox() {
    return store.inbox(clock);
  }

  @Override
  public SweepLedger ledger() {
    return store.sweepLedger();
  }

  @Override
  public MutableClock clock() {
    return clock;
  }

  @AfterEach
  void dropDatabases() {
    databases.close();
  }
}
