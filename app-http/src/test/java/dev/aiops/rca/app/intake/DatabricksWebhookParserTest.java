package dev.aiops.rca.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabricksWebhookParserTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final DatabricksWebhookParser parser = new DatabricksWebhookParser();

  @Test
  void should_read_the_legacy_shape_when_ids_are_numbers() {
    String body = "{\"event\":\"on_failure\",\"run_id\":123,\"job_id\":42,\"job_name\":\"etl_orders\","
        + "\"error_message\":\"boom\"}";

    ParsedWebhook parsed = parser.parse(body, NOW);

    assertThat(parsed).isInstanceOf(ParsedWebhook.Failure.class);
    FailureEvent event = ((ParsedWebhook.Failure) parsed).event();
    assertThat(event.run()).isEqualTo(RunKey.of(Source.DATABRICKS, "123"));
    assertThat(event.jobId()).isEqualTo("42");
    assertThat(event.jobName()).isEqualTo("etl_orders");
    assertThat(event.reportedError()).contains("boom");
    assertThat(event.rawPayload()).isEqualTo(body);
    assertThat(event.occurredAt()).isEqualTo(NOW);
  }

  @Test
  void should_read_the_notification_shape_when_ids_are_strings() {
    String body = "{\"event_type\":\"jobs.on_failure\",\"workspace_id\":\"789\",\"run\":{\"run_id\":\"555\"},"
        + "\"job\":{\"job_id\":\"42\",\"name\":\"etl_orders\"}}";

    FailureEvent event = ((ParsedWebhook.Failure) parser.parse(body, NOW)).event();

    assertThat(event.run()).isEqualTo(RunKey.of(Source.DATABRICKS, "555"));
    assertThat(event.jobName()).isEqualTo("etl_orders");
    assertThat(event.workspace()).isEqualTo("789");
    assertThat(event.reportedError()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"event_type\":\"jobs.on_success\",\"run\":{\"run_id\":1}}",
      "{\"event_type\":\"jobs.on_start\",\"run\":{\"run_id\":1}}",
      "{\"event\":\"on_success\",\"run_id\":1}"})
  void should_acknowledge_and_ignore_when_the_event_is_not_a_failure(String body) {
    assertThat(parser.parse(body, NOW)).isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json",
      "[1,2]",
      "{}",
      "{\"event\":\"on_failure\"}",
      "{\"event\":\"on_failure\",\"run_id\":{\"nested\":1}}",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{}}",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":\"  \"}}"})
  void should_reject_with_a_reason_when_the_body_is_unusable(String body) {
    ParsedWebhook parsed = parser.parse(body, NOW);

    assertThat(parsed).isInstanceOf(ParsedWebhook.Rejected.class);
    assertThat(((ParsedWebhook.Rejected) parsed).reason()).isNotBlank();
  }
}
