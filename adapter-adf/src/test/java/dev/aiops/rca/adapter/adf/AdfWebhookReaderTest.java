package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.AlertSeverity;
import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.WebhookReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdfWebhookReaderTest {

  private static final Instant AT = Instant.parse("2026-11-20T03:50:00Z");
  private static final String RUN = AdfFailedRunSourceTest.RUN;
  private static final String FACTORY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/"
      + "rg-data-prod/providers/microsoft.datafactory/factories/adf-sales-prod";

  @Test
  void should_turn_a_fired_pipeline_failed_runs_metric_alert_into_a_window_for_that_pipeline() {
    String body = fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json");

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.FailuresInWindow.class, found -> {
          AlertWindow window = found.window();
      assertThat(window.workspace()).isEqualTo(FACTORY_ID);
      assertThat(window.jobName()).hasValue("pl_sales_daily");
      assertThat(window.taskName()).isEmpty();
      assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-20T03:40:00Z"));
      assertThat(window.windowEnd()).isEqualTo(Instant.parse("2026-11-20T03:45:00Z"));
      assertThat(window.signal()).isEqualTo("PipelineFailedRuns");
      assertThat(window.alertId()).endsWith("/alerts/6f2c1a77-5a0e-4e7b-9c43-2d7d5d2f0a11");
      assertThat(window.firedAt()).isEqualTo(Instant.parse("2026-11-20T03:46:12.5512731Z"));
      assertThat(window.rawPayload()).isEqualTo(body);
      assertThat(window.severity()).contains(AlertSeverity.SEV1);
    });
  }

  @Test
  void should_search_the_whole_factory_when_the_metric_rule_does_not_split_by_pipeline() {
    assertThat(new AdfWebhookReader().read(fixture("common-alert-schema-adf-metric-pipelinefailedruns-nodimensions.json"), AT))
        .isInstanceOfSatisfying(WebhookReading.FailuresInWindow.class, found -> {
          AlertWindow window = found.window();
          assertThat(window.jobName()).isEmpty();
          assertThat(window.workspace()).isEqualTo(FACTORY_ID);
        });
  }

  @Test
  void should_read_pipeline_and_activity_of_an_activity_failed_runs_metric_alert() {
    assertThat(new AdfWebhookReader().read(fixture("common-alert-schema-adf-metric-activityfailedruns-fired.json"), AT))
        .isInstanceOfSatisfying(WebhookReading.FailuresInWindow.class, found -> {
          AlertWindow window = found.window();
          assertThat(window.signal()).isEqualTo("ActivityFailedRuns");
          assertThat(window.jobName()).hasValue("pl_sales_daily");
          assertThat(window.taskName()).hasValue("nb_transform_sales");
        });
  }

  @Test
  void should_record_a_resolved_alert_without_a_pipeline() {
    assertThat(new AdfWebhookReader().read(fixture("common-alert-schema-adf-metric-pipelinefailedruns-resolved.json"), AT))
        .isInstanceOfSatisfying(WebhookReading.Resolved.class, resolved -> {
          assertThat(resolved.detail()).contains("adf-sales-prod-pipeline-failed")
              .contains(Instant.parse("2026-11-20T04:01:09.0391174Z").toString());
        });
  }

  @Test
  void should_take_the_run_id_from_the_dimensions_of_a_log_search_alert() {
    String body = fixture("common-alert-schema-adf-log-search-adfactivityrun.json");

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      FailureEvent event = failures.events().get(0);
      assertThat(failures.events()).hasSize(1);
      assertThat(event.run()).isEqualTo(RunKey.of(Source.ADF, RUN));
      assertThat(event.jobName()).isEqualTo("pl_sales_daily");
      assertThat(event.jobId()).isEqualTo("pl_sales_daily");
      assertThat(event.workspace()).isEqualToIgnoringCase("adf-sales-prod");
      assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T03:52:40.1187001Z"));
      assertThat(event.rawPayload()).isEqualTo(body);
      assertThat(event.alertSeverity()).contains(AlertSeverity.SEV2);
    });
  }

  @Test
  void should_report_no_severity_when_the_alert_gives_one_outside_sev0_to_sev4() {
    String body = fixture("common-alert-schema-adf-metric-pipelinefailedruns-fired.json")
        .replace("\"severity\": \"Sev1\"", "\"severity\": \"Critical; DROP\"");

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.FailuresInWindow.class,
        found -> assertThat(found.window().severity()).isEmpty());
  }

  @Test
  void should_take_run_ids_from_the_rows_of_embedded_search_results_once_each() {
    String body = "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{\"alertId\":\"a1\","
        + "\"alertRule\":\"adf-failed\",\"signalType\":\"Log\",\"monitorCondition\":\"Fired\",\"monitoringService\":"
        + "\"Log Analytics\",\"firedDateTime\":\"2026-11-20T03:52:40Z\",\"alertTargetIDs\":[\"/subscriptions/s/"
        + "resourcegroups/rg/providers/microsoft.operationalinsights/workspaces/law\"]},\"alertContext\":{"
        + "\"SearchQuery\":\"ADFPipelineRun | where Status == 'Failed'\",\"SearchResults\":{\"tables\":[{\"name\":"
        + "\"PrimaryResult\",\"columns\":[{\"name\":\"PipelineName\",\"type\":\"string\"},{\"name\":\"RunId\","
        + "\"type\":\"string\"},{\"name\":\"ErrorMessage\",\"type\":\"string\"},{\"name\":\"ResourceId\",\"type\":"
        + "\"string\"}],\"rows\":[[\"pl_a\",\"11111111-0000-4000-8000-000000000001\",\"boom\",\"" + FACTORY_ID
        + "\"],[\"pl_b\",\"11111111-0000-4000-8000-000000000002\",\"\",\"" + FACTORY_ID + "\"],[\"pl_a\","
        + "\"11111111-0000-4000-8000-000000000001\",\"boom\",\"" + FACTORY_ID + "\"]]}]}}}}";

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      assertThat(failures.events()).extracting(e -> e.run().runId().value())
          .containsExactly("11111111-0000-4000-8000-000000000001", "11111111-0000-4000-8000-000000000002");
      assertThat(failures.events().get(0).reportedError()).hasValue("boom");
      assertThat(failures.events().get(1).reportedError()).isEmpty();
      assertThat(failures.events().get(0).workspace()).isEqualTo("adf-sales-prod");
    });
  }

  @Test
  void should_fall_back_to_the_window_when_a_log_alert_does_not_split_by_run() {
    String body = fixture("common-alert-schema-adf-log-search-adfactivityrun.json")
        .replace("\"name\": \"PipelineRunId\"", "\"name\": \"Unrelated\"");

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.FailuresInWindow.class, found -> {
          AlertWindow window = found.window();
      assertThat(window.jobName()).hasValue("pl_sales_daily");
      assertThat(window.taskName()).hasValue("nb_transform_sales");
      assertThat(window.workspace()).endsWith("/factories/adf-sales-prod");
      assertThat(window.windowStart()).isEqualTo(Instant.parse("2026-11-20T03:37:40Z"));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"common-alert-schema-metric-docs-sample.json"})
  void should_reject_alerts_that_are_not_about_a_data_factory(String file) {
    assertThat(new AdfWebhookReader().read(fixture(file), AT)).isInstanceOfSatisfying(WebhookReading.Unusable.class,
        rejected -> assertThat(rejected.reason()).contains("not a Data Factory alert"));
  }

  @Test
  void should_read_the_rendered_web_activity_body() {
    String body = fixture("web-activity-failure-body-rendered.json");

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures -> {
      FailureEvent event = failures.events().get(0);
      assertThat(event.run()).isEqualTo(RunKey.of(Source.ADF, RUN));
      assertThat(event.jobName()).isEqualTo("pl_sales_daily");
      assertThat(event.workspace()).isEqualTo("adf-sales-prod");
      assertThat(event.reportedError()).hasValueSatisfying(e -> assertThat(e).startsWith("ErrorCode="));
      assertThat(event.occurredAt()).isEqualTo(AT);
      assertThat(event.rawPayload()).isEqualTo(body);
    });
  }

  @Test
  void should_read_a_logic_app_body_with_run_id_and_error_message() {
    String body = "{\"dataFactoryName\":\"adf-sales-prod\",\"pipelineName\":\"pl_sales_daily\",\"runId\":\"" + RUN
        + "\",\"activityName\":\"Copy sales\",\"errorMessage\":\"Operation on target Copy sales failed\"}";

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures ->
        assertThat(failures.events()).singleElement().satisfies(event -> {
          assertThat(event.run().runId().value()).isEqualTo(RUN);
          assertThat(event.reportedError()).hasValue("Operation on target Copy sales failed");
        }));
  }

  @Test
  void should_read_an_array_of_bodies_once_per_run() {
    String one = "{\"pipelineName\":\"p\",\"pipelineRunId\":\"" + RUN + "\"}";
    String other = "{\"pipelineName\":\"q\",\"pipelineRunId\":\"22222222-0000-4000-8000-000000000002\"}";

    assertThat(new AdfWebhookReader().read("[" + one + "," + other + "," + one + "]", AT))
        .isInstanceOfSatisfying(WebhookReading.RunFailures.class, failures ->
            assertThat(failures.events()).extracting(FailureEvent::jobName).containsExactly("p", "q"));
  }

  @Test
  void should_reject_the_docs_template_because_it_names_no_run() {
    assertThat(new AdfWebhookReader().read(fixture("web-activity-failure-body-template-docs.json"), AT))
        .isInstanceOfSatisfying(WebhookReading.Unusable.class,
            rejected -> assertThat(rejected.reason()).contains("not evaluated").contains("@{pipeline().RunId}"));
  }

  @Test
  void should_say_which_field_to_add_when_the_body_has_no_run_id() {
    assertThat(new AdfWebhookReader().read("{\"pipelineName\":\"pl_sales_daily\",\"dataFactoryName\":\"f\"}", AT))
        .isInstanceOfSatisfying(WebhookReading.Unusable.class,
            rejected -> assertThat(rejected.reason()).contains("pipelineRunId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "42", "{\"hello\":\"world\"}",
      "{\"pipelineName\":\"p\",\"pipelineRunId\":\"../../x\"}"})
  void should_reject_unusable_bodies_with_a_reason(String body) {
    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.Unusable.class,
        rejected -> assertThat(rejected.reason()).isNotBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "run-1", "8c3e3d7a2b8f4d1e9a0c5f6e7d8c9b01", "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b0",
      "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01-0", "zc3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01"})
  void should_reject_a_pipeline_run_id_that_is_not_a_guid(String runId) {
    String body = "{\"pipelineName\":\"p\",\"pipelineRunId\":\"" + runId + "\"}";

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOfSatisfying(WebhookReading.Unusable.class,
        rejected -> assertThat(rejected.reason()).contains("must be a GUID").contains(runId));
  }

  @Test
  void should_accept_a_guid_in_upper_case() {
    String body = "{\"pipelineName\":\"p\",\"pipelineRunId\":\"8C3E3D7A-2B8F-4D1E-9A0C-5F6E7D8C9B01\"}";

    assertThat(new AdfWebhookReader().read(body, AT)).isInstanceOf(WebhookReading.RunFailures.class);
  }
}
