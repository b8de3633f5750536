package com.example.rca;

import dev.aiops.rca.adapter.jdbc.JdbcSettings;
import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import java.time.Duration;
import java.util.Map;

/**
 * The assistant inside a platform's own Java service: the built-in ticket store, the platform's own notifier, an
 * in-memory H2 database; a Databricks failure webhook handed over as the platform received it.
 */
public final class PlainEmbedding {

  private PlainEmbedding() {}

  /** The assistant as this platform assembles it; {@code start()} it to process what it receives. */
  public static RcaAssistant assistant(ChatOpsNotifier notifier) {
    return RcaAssistant.builder()
        .builtinIssueTracker()
        .notifier("chat-ops", notifier)
        .store(JdbcSettings.h2InMemory("plain_embedding"))
        // No platform credentials here: nothing to sweep for webhooks that never came.
        .reconcileEvery(Duration.ZERO)
        .build();
  }

  /** Receives one failure, waits for its incident, and prints what people were told. */
  public static void main(String[] args) throws InterruptedException {
    ChatOpsNotifier notifier = new ChatOpsNotifier();
    try (RcaAssistant rca = assistant(notifier)) {
      rca.start();
      IntakeResult intake = rca.receive(Source.DATABRICKS, Map.of("Content-Type", "application/json"),
          "{\"event\":\"on_failure\",\"run_id\":7001,\"job_id\":42,\"job_name\":\"etl_orders\","
              + "\"error\":\"java.net.SocketTimeoutException: connect timed out\"}");
      System.out.println("intake: " + intake);
      for (int i = 0; i < 100 && notifier.published().isEmpty(); i++) {
        Thread.sleep(100);
      }
      rca.incidents().list(IncidentQuery.all(10)).forEach(incident -> System.out.println("incident "
          + incident.id() + " " + incident.analysis().category() + " ticket " + incident.ticket().orElseThrow()));
      notifier.published().forEach(line -> System.out.println("told: " + line));
    }
  }
}
