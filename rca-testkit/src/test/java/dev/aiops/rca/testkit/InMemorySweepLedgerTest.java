package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.SweepLedger;

class InMemorySweepLedgerTest implements SweepLedgerContract {
  @Override
  public SweepLedger ledger() {
    return new InMemorySweepLedger();
  }
}
