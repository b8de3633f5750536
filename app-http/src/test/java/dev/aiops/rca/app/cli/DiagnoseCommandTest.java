package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.adapter.adf.AdfStub;
import dev.aiops.rca.adapter.databricks.DatabricksStub;
import dev.aiops.rca.adapter.databricks.DatabricksWebhookReader;
import dev.aiops.rca.app.Main;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.domain.WebhookReading;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diagnose adf} and {@code diagnose databricks} against the loopback stubs. */
class DiagnoseCommandTest {

  private static final String COPY_RUN = "8c3e3d7a-2b8f-4d1e-9a0c-5f6e7d8c9b01";
  private static final String DATABRICKS_RUN = "455644833";

  @TempDir
  Path data;

  private final AdfStub adf = new AdfStub();
  private final DatabricksStub databricks = new DatabricksStub();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    adf.close();
    databricks.close();
  }

  private int diagnose(Map<String, String> settings, String... args) {
    DiagnoseCommand command = new DiagnoseCommand();
    Map<String, String> env = new HashMap<>(settings);
    env.put("RCA_DATA_DIR", data.toString());
    command.source = ConfigSource.of(env);
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private Map<String, String> adfSettings() {
    return Map.of(
        "AZURE_SUBSCRIPTION_ID", AdfStub.SUBSCRIPTION,
        "ADF_RESOURCE_GROUP", "rg-data-prod",
        "ADF_FACTORY_NAME", "adf-sales-prod",
        "AZURE_TENANT_ID", AdfStub.TENANT,
        "AZURE_CLIENT_ID", "sp-client-id",
        "AZURE_CLIENT_SECRET", "sp-client-secret-value",
        "AZURE_AUTHORITY_HOST", adf.uri().toString(),
        "AZURE_MANAGEMENT_URL", adf.uri().toString());
  }

  private Map<String, String> databricksSettings() {
    return Map.of("DATABRICKS_HOST", databricks.uri().toString(),
        "DATABRICKS_TOKEN", "dapi-diagnose-token-000000000000000000");
  }

  private void servesTheMultiTaskFailure() {
    databricks.run(DATABRICKS_RUN, DatabricksStub.fixture("runs-get-multitask-failed.json"))
        .output("455644902", DatabricksStub.fixture("runs-get-output-notebook-table-not-found.json"));
  }

  // --- diagnose adf ---

  @Test
  void should_print_the_pipeline_failed_activity_code_category_and_root_cause_when_an_adf_run_failed() {
    adf.pipelineRun(COPY_RUN, AdfStub.fixture("pipelinerun-get-failed.json"))
        .activityRuns(COPY_RUN, AdfStub.fixture("activityruns-query-failed-copy.json"));

    int exit = diagnose(adfSettings(), "adf", COPY_RUN);

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("pipeline:        pl_sales_daily (run " + COPY_RUN + ")")
        .contains("status:          Failed")
        .contains("failed activity: Copy sales [Copy]")
        .contains("error code:      2200 (UserError)")
        .contains("category:")
        .contains("root cause:      ").contains("TransactionDate");
    // The token was asked of the stub's Entra ID, for the stub's ARM.
    assertThat(adf.seen(AdfStub.TOKEN_PATH)).hasSize(1);
  }

  @Test
  void should_name_each_missing_adf_setting_and_exit_2_when_data_factory_is_not_configured() {
    int exit = diagnose(Map.of(), "adf", COPY_RUN);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("AZURE_SUBSCRIPTION_ID", "ADF_RESOURCE_GROUP", "ADF_FACTORY_NAME",
        "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET");
    assertThat(adf.seen()).isEmpty();
  }

  @Test
  void should_name_the_missing_setting_and_exit_2_when_the_adf_settings_are_incomplete() {
    Map<String, String> settings = new HashMap<>(adfSettings());
    settings.remove("ADF_FACTORY_NAME");

    int exit = diagnose(settings, "adf", COPY_RUN);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("ADF_FACTORY_NAME is missing");
  }

  @Test
  void should_exit_1_with_the_reason_when_arm_refuses_to_read_the_run() {
    adf.script(AdfStub.FACTORY + "/pipelineruns/" + COPY_RUN,
        AdfStub.recorded("arm-error-403-authorizationfailed.json"));

    int exit = diagnose(adfSettings(), "adf", COPY_RUN);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read pipeline run " + COPY_RUN).contains("AuthorizationFailed");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_read_settings_from_the_env_file_when_given_one() throws Exception {
    adf.pipelineRun(COPY_RUN, AdfStub.fixture("pipelinerun-get-failed.json"))
        .activityRuns(COPY_RUN, AdfStub.fixture("activityruns-query-failed-copy.json"));
    Path envFile = data.resolve("diagnose.env");
    StringBuilder lines = new StringBuilder("RCA_DATA_DIR=" + data + "\n");
    adfSettings().forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
    Files.writeString(envFile, lines);
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("diagnose", "--env-file", envFile.toString(), "adf", COPY_RUN);

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("failed activity: Copy sales");
  }

  // --- diagnose databricks ---

  @Test
  void should_print_the_job_state_failed_tasks_and_root_cause_when_a_databricks_run_failed() {
    servesTheMultiTaskFailure();

    int exit = diagnose(databricksSettings(), "databricks", DATABRICKS_RUN);

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("job:          nightly_sales_etl (job 11223344, run " + DATABRICKS_RUN + ")")
        .contains("state:        TERMINATED FAILED")
        .contains("failed tasks: transform (FAILED)")
        .contains("category:     TABLE_OR_VIEW_NOT_FOUND")
        .contains("root cause:   ").contains("[TABLE_OR_VIEW_NOT_FOUND]")
        .doesNotContain("on_failure");
  }

  @Test
  void should_print_a_webhook_body_the_service_accepts_when_asked_with_webhook() {
    servesTheMultiTaskFailure();

    int exit = diagnose(databricksSettings(), "databricks", DATABRICKS_RUN, "--webhook");

    assertThat(exit).as(err.toString()).isZero();
    String body = out.toString().substring(out.toString().indexOf('{'));
    assertThat(body).contains("\"event_type\" : \"jobs.on_failure\"").contains("\"job_id\" : \"11223344\"");
    WebhookReading reading = new DatabricksWebhookReader().read(body, Instant.now());
    assertThat(reading).isInstanceOfSatisfying(WebhookReading.RunFailures.class,
        failures -> assertThat(failures.events().get(0).run().runId().value()).isEqualTo(DATABRICKS_RUN));
  }

  @Test
  void should_exit_1_with_the_reason_when_the_workspace_refuses_the_token() {
    databricks.script("/api/2.2/jobs/runs/get",
        DatabricksStub.Answer.json(403, DatabricksStub.fixture("error-403-invalid-access-token.json")));

    int exit = diagnose(databricksSettings(), "databricks", DATABRICKS_RUN);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read run " + DATABRICKS_RUN);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_name_the_missing_databricks_settings_and_exit_2_when_databricks_is_not_configured() {
    int exit = diagnose(Map.of(), "databricks", DATABRICKS_RUN);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("DATABRICKS_HOST").contains("DATABRICKS_TOKEN");
  }
}
