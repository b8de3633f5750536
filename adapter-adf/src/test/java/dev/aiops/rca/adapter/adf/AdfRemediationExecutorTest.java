package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.FACTORY;
import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.RemediationExecutor;
import dev.aiops.rca.testkit.RemediationExecutorContract;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiops.rca.domain.RemediationProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdfRemediationExecutorTest implements RemediationExecutorContract {

  private static final String RUN = AdfFailedRunSourceTest.RUN;
  private static final String CREATE_RUN = FACTORY + "/pipelines/pl_sales_daily/createRun";

  /** The run id that the recorded createRun answer gives the rerun. */
  private static final String RERUN = "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8";

  private final AdfStub stub = new AdfStub().pipelineRun(RUN, fixture("pipelinerun-get-failed.json"))
      .pipelineRun(RERUN, rerun("InProgress", ""));

  /** The rerun as ARM shows it: the failed run's fixture, renamed, with {@code status} and {@code message}. */
  private static String rerun(String status, String message) {
    ObjectNode run = (ObjectNode) AdfStub.json(fixture("pipelinerun-get-failed.json"));
    run.put("runId", RERUN).put("status", status).put("message", message).put("isLatest", true);
    return run.toString();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Override
  public RemediationExecutor subject() {
    return new AdfRemediationExecutor(stub.runs(), Clock.systemUTC());
  }

  @Override
  public RemediationPlan acceptedPlan() {
    return new RemediationPlan(new IncidentId(7), RemediationAction.RERUN_FROM_FAILURE, RunKey.of(Source.ADF, RUN),
        List.of(), "SqlBatchWriteTimeout is transient");
  }

  @Test
  void should_create_a_recovery_run_from_failure_with_the_documented_query_parameters() {
    RemediationOutcome outcome = subject().execute(acceptedPlan());

    AdfStub.Seen call = stub.seen(CREATE_RUN).get(0);
    URI documented = URI.create(AdfStub.json(fixture("pipelines-createrun-rerun-from-failure-request.json"))
        .path("url").asText());
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo(documented.getPath());
    assertThat(call.query()).containsExactly(
        java.util.Map.entry("api-version", "2018-06-01"),
        java.util.Map.entry("referencePipelineRunId", RUN),
        java.util.Map.entry("isRecovery", "true"),
        java.util.Map.entry("startFromFailure", "true"));
    assertThat(call.body()).isEqualTo("{}");
    assertThat(outcome.newRun()).hasValueSatisfying(
        id -> assertThat(id.value()).isEqualTo("e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8"));
    assertThat(outcome.detail()).contains("e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8").contains("pl_sales_daily");
  }

  @Test
  void should_describe_the_exact_call_for_approval() {
    assertThat(subject().describe(acceptedPlan())).isEqualTo("POST " + stub.uri() + CREATE_RUN
        + "?api-version=2018-06-01&referencePipelineRunId=" + RUN + "&isRecovery=true&startFromFailure=true"
        + " with body {}");
  }

  @Test
  void should_still_describe_the_call_when_the_run_cannot_be_read() {
    RemediationPlan plan = new RemediationPlan(new IncidentId(8), RemediationAction.RERUN_FROM_FAILURE,
        RunKey.of(Source.ADF, "deadbeef-0000-4000-8000-000000000000"), List.of(), "x");

    assertThat(subject().describe(plan)).contains("/pipelines/{pipeline of run deadbeef-0000-4000-8000-000000000000}"
        + "/createRun?api-version=2018-06-01&referencePipelineRunId=deadbeef-0000-4000-8000-000000000000");
  }

  @Test
  void should_not_rerun_a_run_that_is_still_going() {
    stub.pipelineRun(RUN, fixture("pipelinerun-get-failed.json").replace("\"status\": \"Failed\"",
        "\"status\": \"InProgress\""));

    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(outcome.detail()).contains("InProgress");
    assertThat(stub.seen(CREATE_RUN)).isEmpty();
  }

  @Test
  void should_not_rerun_a_run_that_was_already_rerun() {
    stub.pipelineRun(RUN, fixture("pipelinerun-get-failed.json").replace("\"isLatest\": true",
        "\"isLatest\": false"));

    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(outcome.detail()).contains("already rerun");
    assertThat(stub.seen(CREATE_RUN)).isEmpty();
  }

  @Test
  void should_report_a_refused_rerun_as_failed_with_the_reason() {
    stub.script(CREATE_RUN, AdfStub.recorded("arm-error-403-authorizationfailed.json"));

    RemediationOutcome outcome = subject().execute(acceptedPlan());

    assertThat(outcome.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(outcome.detail()).contains("AuthorizationFailed").contains("Data Factory Contributor");
    assertThat(outcome.newRun()).isEmpty();
  }

  @Test
  void should_report_an_unknown_run_as_failed() {
    RemediationPlan plan = new RemediationPlan(new IncidentId(8), RemediationAction.RERUN_FROM_FAILURE,
        RunKey.of(Source.ADF, "deadbeef-0000-4000-8000-000000000000"), List.of(), "x");

    assertThat(subject().execute(plan).status()).isEqualTo(RemediationStatus.FAILED);
  }

  @Test
  void should_refuse_plans_for_another_platform_or_action() {
    RemediationPlan repair = new RemediationPlan(new IncidentId(7), RemediationAction.REPAIR_FAILED_TASKS,
        RunKey.of(Source.ADF, RUN), List.of(), "x");

    assertThatThrownBy(() -> subject().execute(repair)).isInstanceOf(IllegalArgumentException.class);
    assertThat(stub.seen()).isEmpty();
  }

  @Test
  void should_follow_the_rerun_until_data_factory_says_how_it_ended() {
    RemediationOutcome started = subject().execute(acceptedPlan());
    assertThat(started.newRun()).map(Object::toString).contains(RERUN);

    assertThat(subject().progress(started).phase()).isEqualTo(RemediationProgress.Phase.RUNNING);

    stub.pipelineRun(RERUN, rerun("Succeeded", ""));
    RemediationProgress succeeded = subject().progress(started);
    assertThat(succeeded.phase()).isEqualTo(RemediationProgress.Phase.SUCCEEDED);
    assertThat(succeeded.detail()).isEqualTo("rerun " + RERUN + " of pipeline pl_sales_daily: Succeeded");

    stub.pipelineRun(RERUN, rerun("Failed", "Operation on target Copy sales failed"));
    RemediationProgress failed = subject().progress(started);
    assertThat(failed.phase()).isEqualTo(RemediationProgress.Phase.FAILED);
    assertThat(failed.detail()).endsWith(": Failed (Operation on target Copy sales failed)");

    stub.pipelineRun(RERUN, rerun("Cancelled", ""));
    assertThat(subject().progress(started).phase()).isEqualTo(RemediationProgress.Phase.FAILED);
  }
}
