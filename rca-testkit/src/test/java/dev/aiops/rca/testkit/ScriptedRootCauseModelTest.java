package dev.aiops.rca.testkit;

import dev.aiops.rca.port.out.RootCauseModel;

class ScriptedRootCauseModelTest implements RootCauseModelContract {
  @Override
  public RootCauseModel subject() {
    return new ScriptedRootCauseModel();
  }
}
