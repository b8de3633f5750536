package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabricksWebhookReaderTest {

  private static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"webhook-job-failure.json", "webhook-job-failure-numeric-ids.json"})
  void should_read_a_job_failure_whether_ids_are_strings_or_numbers(String file) {
    WebhookReading parsed = new DatabricksWebhookReader().read(fixture(file), AT);

    assertThat(parsed).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      assertThat(failures.events().get(0).run()).isEqualTo(RunKey.of(Source.DATABRICKS, "455644833"));
      assertThat(failures.events().get(0).jobId()).isEqualTo("11223344");
      assertThat(failures.events().get(0).jobName()).isEqualTo("A multitask job");
      assertThat(failures.events().get(0).workspace()).isEqualTo("1234567890123456");
      assertThat(failures.events().get(0).rawPayload()).isEqualTo(fixture(file));
    });
  }

  @Test
  void should_key_a_task_failure_by_its_parent_job_run() {
    WebhookReading parsed = new DatabricksWebhookReader().read(fixture("webhook-task-failure.json"), AT);

    assertThat(parsed).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      assertThat(failures.events().get(0).run().runId().value()).isEqualTo("455644833");
    });
  }

  @ParameterizedTest
  @CsvSource({
      "webhook-job-start-docs.json, jobs.on_start",
      "webhook-job-success.json, jobs.on_success",
      "webhook-job-duration-warning.json, jobs.on_duration_warning_threshold_exceeded"})
  void should_acknowledge_other_job_events_without_analysis(String file, String eventType) {
    // The documented examples hold placeholders such as "run_id": "run_id"; real ids are numbers.
    String body = fixture(file).replaceAll("\"(parent_)?run_id\": \"[a-z_]+\"", "\"run_id\": \"1\"");

    assertThat(new DatabricksWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.Ignored.class,
        other -> assertThat(other.reason()).startsWith(eventType + " for run"));
  }

  @Test
  void should_read_the_legacy_shape_with_its_error_message() {
    String body = "{\"event\":\"on_failure\",\"run_id\":42,\"job_id\":7,\"job_name\":\"etl_orders\","
        + "\"error_message\":\"Table not found\"}";

    assertThat(new DatabricksWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      assertThat(failures.events().get(0).run().runId().value()).isEqualTo("42");
      assertThat(failures.events().get(0).jobName()).isEqualTo("etl_orders");
      assertThat(failures.events().get(0).reportedError()).hasValue("Table not found");
      assertThat(failures.events().get(0).occurredAt()).isEqualTo(AT);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json at all|not JSON",
      "[1,2]|not a JSON object",
      "{\"run\":{\"run_id\":1}}|no event_type",
      "{\"event_type\":\"jobs.on_failure\",\"job\":{\"job_id\":1}}|no run id",
      "{\"event\":\"on_failure\",\"run_id\":\"../../etc\"}|not a Databricks run id",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":\"run_id\"}}|not a Databricks run id"})
  void should_reject_a_body_without_a_usable_run_and_say_why(String body, String reason) {
    assertThat(new DatabricksWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.Unusable.class,
        rejected -> assertThat(rejected.reason()).contains(reason));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":0}}|must be a positive 64-bit number",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":\"0000\"}}|must be a positive 64-bit number",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":-5}}|not a Databricks run id",
      "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":9223372036854775808}}|must be a positive 64-bit",
      "{\"event\":\"on_failure\",\"run_id\":\"99999999999999999999999\"}|must be a positive 64-bit number",
      "{\"event\":\"on_failure\",\"run_id\":\"12a\"}|not a Databricks run id",
      "{\"event\":\"on_failure\",\"run_id\":1.5}|not a Databricks run id"})
  void should_reject_run_ids_that_are_not_positive_int64(String body, String reason) {
    assertThat(new DatabricksWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.Unusable.class,
        rejected -> assertThat(rejected.reason()).contains(reason));
  }

  @Test
  void should_accept_the_largest_int64_run_id() {
    String body = "{\"event\":\"on_failure\",\"run_id\":9223372036854775807}";
    assertThat(new DatabricksWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class,
        failures -> assertThat(failures.events().get(0).run().runId().value()).isEqualTo("9223372036854775807"));
  }
}
