package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.WebhookReading;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated and generated bodies: the parser always answers, and a rejection always says why. */
class DatabricksWebhookReaderFuzzTest {

  private static final List<String> SEEDS = List.of(
      fixture("webhook-job-failure.json"), fixture("webhook-task-failure.json"),
      fixture("webhook-job-failure-numeric-ids.json"), fixture("webhook-job-success.json"),
      "{\"event\":\"on_failure\",\"run_id\":42,\"job_id\":7,\"job_name\":\"etl\",\"error_message\":\"boom\"}");

  @Test
  void should_answer_every_mutated_body_with_a_result_and_every_rejection_with_a_reason() {
    Random random = new Random(20261127L); // fixed: a failure must be reproducible
    for (int i = 0; i < 10_000; i++) {
      String body = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);

      WebhookReading parsed = new DatabricksWebhookReader().read(body, Instant.EPOCH);

      assertThat(parsed).as("body %d: %s", i, body).isNotNull();
      if (parsed instanceof WebhookReading.Unusable rejected) {
        assertThat(rejected.reason()).as("body %d", i).isNotBlank();
      }
    }
  }

  @Test
  void should_reject_deep_nesting_and_huge_numbers_without_failing() {
    String deep = "{\"event_type\":\"jobs.on_failure\",\"run\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    String huge = "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":" + "9".repeat(400) + "}}";

    assertThat(new DatabricksWebhookReader().read(deep, Instant.EPOCH)).isInstanceOf(WebhookReading.Unusable.class);
    assertThat(new DatabricksWebhookReader().read(huge, Instant.EPOCH)).isInstanceOf(WebhookReading.Unusable.class);
    assertThat(new DatabricksWebhookReader().read("", Instant.EPOCH)).isInstanceOf(WebhookReading.Unusable.class);
    assertThat(new DatabricksWebhookReader().read(null, Instant.EPOCH)).isInstanceOf(WebhookReading.Unusable.class);
  }

  private static String mutate(String seed, Random random) {
    StringBuilder body = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && body.length() > 0; e++) {
      int at = random.nextInt(body.length());
      switch (random.nextInt(6)) {
        case 0 -> body.setLength(at); // truncated
        case 1 -> body.deleteCharAt(at);
        case 2 -> body.insert(at, "{[\",:}]0-e".charAt(random.nextInt(10)));
        case 3 -> body.insert(at, "\"run_id\":" + (random.nextBoolean() ? "null" : "[1]") + ",");
        case 4 -> body.replace(at, Math.min(body.length(), at + 3), "\uFFFD\u0000");
        default -> body.insert(at, "99999999999999999999999999");
      }
    }
    return body.toString();
  }
}
