package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.slack.SlackStub;
import dev.aiops.rca.domain.AuditAction;
import dev.aiops.rca.domain.AuditEntry;
import dev.aiops.rca.domain.Incident;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm through the whole service (issue 18): 200 distinct failures within a minute cost people the first
 * {@code RCA_NOTIFY_BURST} messages and one summary redrawn a few times, not 200 messages; every incident is still
 * filed and ticketed.
 */
class StormEndToEndTest {

  private static final int FAILURES = 200;

  @TempDir
  Path data;

  private final SlackStub slack = new SlackStub();
  private E2eService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    slack.close();
  }

  @Test
  void should_post_ten_messages_and_one_summary_not_two_hundred_when_two_hundred_failures_open_in_a_minute() {
    service = E2eService.start(data, Vendors.settings(Vendors.slack(slack), Map.of("RCA_WORKERS", "4")));

    // Sent from several threads, as a storm arrives: a sequential sender would only measure the round trips.
    IntStream.rangeClosed(1, FAILURES).parallel().forEach(i -> assertThat(service.post("/webhooks/databricks",
        Vendors.legacyWebhook(900_000 + i, "etl_storm_" + i,
            "java.lang.IllegalStateException: source table storm_" + i + " is locked")).statusCode()).isEqualTo(202));
    List<Incident> incidents = service.awaitIncidents(list -> list.size() == FAILURES
        && list.stream().allMatch(i -> i.ticket().isPresent()), Duration.ofSeconds(60));
    service.awaitSettled(Duration.ofSeconds(30));

    List<SlackStub.Seen> posts = slack.seen("chat.postMessage").stream()
        .filter(s -> !s.form().containsKey("thread_ts")).toList();
    List<SlackStub.Seen> summaries = posts.stream().filter(s -> s.form().get("text").contains("new incidents since"))
        .toList();
    assertThat(posts.size() - summaries.size()).isEqualTo(10);
    assertThat(summaries).hasSize(1);
    assertThat(slack.seen("chat.update")).hasSizeLessThanOrEqualTo(12);
    assertThat(incidents).allSatisfy(incident -> assertThat(incident.ticket()).isPresent());
    assertThat(incidents.stream().map(i -> i.ticket().orElseThrow().key()).distinct()).hasSize(FAILURES);
    assertThat(incidents.stream().filter(i -> i.notification().isPresent())).hasSize(10);
    assertThat(incidents.stream().filter(i -> i.notification().isEmpty()))
        .allSatisfy(incident -> assertThat(service.audit(incident)).extracting(AuditEntry::action)
            .contains(AuditAction.TICKET_CREATED, AuditAction.NOTIFIED));
  }
}
