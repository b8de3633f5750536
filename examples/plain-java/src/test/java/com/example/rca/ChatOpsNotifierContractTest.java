package com.example.rca;

import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.NotifierContract;

/** The platform's own notifier passes the same contract as the assistant's Slack, Teams and e-mail notifiers. */
class ChatOpsNotifierContractTest implements NotifierContract {

  @Override
  public Notifier subject() {
    return new ChatOpsNotifier();
  }
}
