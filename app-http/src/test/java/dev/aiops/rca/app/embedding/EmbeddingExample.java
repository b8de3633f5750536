package dev.aiops.rca.app.embedding;

import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.IssueTracker;
import dev.aiops.rca.port.out.Notifier;
import java.util.Map;
import javax.sql.DataSource;

/** The README's embedding example, kept here so that the build compiles it; a test checks they match. */
final class EmbeddingExample {

  private EmbeddingExample() {}

  // README:start
  static RcaAssistant assistant(DataSource dataSource, IssueTracker tracker, Notifier notifier) {
    RcaAssistant rca = RcaAssistant.builder()
        .store(dataSource)            // H2 or PostgreSQL, migrated at build, left open at close
        .issueTracker(tracker)        // or .jira(settings), .serviceNow(settings); the built-in one by default
        .notifier("chat", notifier)   // or .slack(settings), .teams(...), .pagerDuty(...), .email(...)
        .build();                     // add .databricks(settings), .dataFactory(settings), .llm(...) as needed
    rca.start();                      // the inbox workers, the follow-ups and the ticket sync
    return rca;                       // close() drains the workers, then the store
  }

  static void onWebhook(RcaAssistant rca, String body) {
    IntakeResult intake = rca.receive(Source.DATABRICKS, Map.of(), body);   // stored before this returns
    System.out.println(intake + "; open incidents: " + rca.incidents().list(IncidentQuery.all(10)).size());
  }
  // README:end
}
