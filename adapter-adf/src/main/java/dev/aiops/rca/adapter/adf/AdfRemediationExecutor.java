package dev.aiops.rca.adapter.adf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.RemediationExecutor;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reruns a failed pipeline run from its failed activities: {@code createRun} with {@code referencePipelineRunId},
 * {@code isRecovery=true} and {@code startFromFailure=true}. The new run joins the failed run's recovery group and
 * stands for the new run in the outcome.
 */
public final class AdfRemediationExecutor implements RemediationExecutor {

  private static final Set<String> NOT_FINISHED = Set.of("queued", "inprogress", "canceling");

  private final AdfRuns runs;
  private final Clock clock;

  AdfRemediationExecutor(AdfRuns runs, Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An executor for the factory in the settings. */
  public static AdfRemediationExecutor create(AdfSettings settings) {
    HttpTransport transport = HttpTransport.standard(settings.requestTimeout());
    return new AdfRemediationExecutor(new AdfRuns(new AdfApi(settings, transport)), transport.clock());
  }

  @Override
  public Source source() {
    return Source.ADF;
  }

  /** The exact call; the pipeline name is read from the run, so this makes one read-only call to ARM. */
  @Override
  public String describe(RemediationPlan plan) {
    requireRerun(plan);
    String runId = plan.target().runId().value();
    String pipeline;
    try {
      pipeline = runs.getPipelineRun(runId).path("pipelineName").asText("");
    } catch (PortException e) {
      pipeline = "";
    }
    if (pipeline.isBlank()) {
      // The call is still worth showing for approval; the pipeline name is read again when it runs.
      String marker = "PIPELINE-OF-RUN";
      return "POST " + runs.createRunUrl(marker, runId).toString().replace(marker, "{pipeline of run " + runId + "}")
          + " with body {}";
    }
    return "POST " + runs.createRunUrl(pipeline, runId) + " with body {}";
  }

  @Override
  public RemediationOutcome execute(RemediationPlan plan) {
    requireRerun(plan);
    String runId = plan.target().runId().value();
    JsonNode run;
    try {
      run = runs.getPipelineRun(runId);
    } catch (PermanentPortException e) {
      return outcome(plan, RemediationStatus.FAILED, e.getMessage(), Optional.empty());
    }
    String status = run.path("status").asText("");
    String pipeline = run.path("pipelineName").asText("");
    if (NOT_FINISHED.contains(status.replace(" ", "").toLowerCase(Locale.ROOT))) {
      return outcome(plan, RemediationStatus.FAILED, "pipeline run " + runId + " is " + status
          + "; Data Factory reruns only runs that have ended", Optional.empty());
    }
    if (status.equals("Succeeded")) {
      return outcome(plan, RemediationStatus.FAILED, "pipeline run " + runId + " succeeded; nothing to rerun",
          Optional.empty());
    }
    // Only the newest run of a recovery group has isLatest: an older one was already rerun.
    if (run.path("isLatest").isBoolean() && !run.path("isLatest").asBoolean()) {
      return outcome(plan, RemediationStatus.FAILED, "pipeline run " + runId + " was already rerun: a newer run of "
          + "recovery group " + run.path("runGroupId").asText("?") + " exists", Optional.empty());
    }
    if (pipeline.isBlank()) {
      return outcome(plan, RemediationStatus.FAILED, "pipeline run " + runId + " names no pipeline",
          Optional.empty());
    }
    try {
      String newRun = runs.createRecoveryRun(pipeline, runId);
      return outcome(plan, RemediationStatus.EXECUTED, "rerun " + newRun + " of pipeline " + pipeline
          + " started from the failed activities of run " + runId, Optional.of(new RunId(newRun)));
    } catch (PermanentPortException e) {
      return outcome(plan, RemediationStatus.FAILED, e.getMessage(), Optional.empty());
    }
  }

  /** Reads the rerun's pipeline run: Succeeded ended well; Failed and Cancelled did not; the rest is going. */
  @Override
  public RemediationProgress progress(RemediationOutcome executed) {
    requireRerun(executed.plan());
    String newRun = executed.newRun()
        .orElseThrow(() -> new IllegalArgumentException("outcome " + executed.status() + " started no rerun"))
        .value();
    JsonNode run = runs.getPipelineRun(newRun);
    String status = run.path("status").asText("");
    String message = run.path("message").asText("").strip();
    String detail = "rerun " + newRun + " of pipeline " + run.path("pipelineName").asText("?") + ": "
        + (status.isEmpty() ? "status unknown" : status) + (message.isEmpty() ? "" : " (" + message + ")");
    if (status.equals("Succeeded")) {
      return RemediationProgress.succeeded(detail);
    }
    if (status.equals("Failed") || status.equals("Cancelled")) {
      return RemediationProgress.failed(detail);
    }
    return RemediationProgress.running(detail);
  }

  private RemediationOutcome outcome(
      RemediationPlan plan, RemediationStatus status, String detail, Optional<RunId> newRun) {
    return new RemediationOutcome(plan, status, detail, clock.instant(), newRun);
  }

  private static void requireRerun(RemediationPlan plan) {
    if (plan.action() != RemediationAction.RERUN_FROM_FAILURE || plan.target().source() != Source.ADF) {
      throw new IllegalArgumentException("Data Factory runs only reruns from failure of ADF runs, not "
          + plan.action() + " of " + plan.target());
    }
  }
}
