package com.example.rca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.assistant.RcaAssistant;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentQuery;
import dev.aiops.rca.domain.IntakeResult;
import dev.aiops.rca.domain.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedding as the platform runs it: a webhook in, an incident with a ticket, the platform's notifier told. */
class PlainEmbeddingTest {

  private static final String WEBHOOK = "{\"event\":\"on_failure\",\"run_id\":7001,\"job_id\":42,"
      + "\"job_name\":\"etl_orders\",\"error\":\"java.net.SocketTimeoutException: connect timed out\"}";

  @Test
  void should_open_a_ticket_and_tell_the_platforms_notifier_when_a_failure_is_received() throws Exception {
    ChatOpsNotifier notifier = new ChatOpsNotifier();
    try (RcaAssistant rca = PlainEmbedding.assistant(notifier)) {
      rca.start();

      IntakeResult intake = rca.receive(Source.DATABRICKS, Map.of("Content-Type", "application/json"), WEBHOOK);

      assertThat(intake).isInstanceOf(IntakeResult.Accepted.class);
      Incident incident = awaitTold(rca, notifier);
      assertThat(incident.jobName()).isEqualTo("etl_orders");
      assertThat(incident.ticket()).hasValueSatisfying(ticket -> assertThat(ticket.key()).startsWith("RCA-"));
      assertThat(notifier.published()).singleElement().asString().contains("etl_orders");
    }
  }

  private static Incident awaitTold(RcaAssistant rca, ChatOpsNotifier notifier) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<Incident> incidents = rca.incidents().list(IncidentQuery.all(10));
      if (!incidents.isEmpty() && incidents.get(0).notification().isPresent() && !notifier.published().isEmpty()) {
        return incidents.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no incident told within 30 s");
  }
}
