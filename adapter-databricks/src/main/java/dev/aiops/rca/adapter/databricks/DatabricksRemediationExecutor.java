package dev.aiops.rca.adapter.databricks;

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
import dev.aiops.rca.port.out.RemediationExecutor;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Repairs a failed job run with {@code runs/repair}: the failed tasks run again inside the same run, with the
 * job's current settings. The repair id stands for the new run in the outcome.
 */
public final class DatabricksRemediationExecutor implements RemediationExecutor {

  private final DatabricksJobs jobs;
  private final Clock clock;

  DatabricksRemediationExecutor(DatabricksJobs jobs, Clock clock) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An executor for the workspace in the settings. */
  public static DatabricksRemediationExecutor create(DatabricksSettings settings) {
    HttpTransport transport = HttpTransport.standard(settings.requestTimeout());
    return new DatabricksRemediationExecutor(new DatabricksJobs(new DatabricksApi(settings, transport)),
        transport.clock());
  }

  @Override
  public Source source() {
    return Source.DATABRICKS;
  }

  @Override
  public String describe(RemediationPlan plan) {
    requireRepair(plan);
    return "POST " + jobs.host() + "/api/2.2/jobs/runs/repair "
        + DatabricksJobs.repairBody(plan.target().runId().value(), plan.tasks(), OptionalLong.empty());
  }

  @Override
  public RemediationOutcome execute(RemediationPlan plan) {
    requireRepair(plan);
    String runId = plan.target().runId().value();
    JsonNode run = jobs.getRun(runId);
    String lifeCycle = run.path("state").path("life_cycle_state").asText("");
    if (lifeCycle.equals("RUNNING") || lifeCycle.equals("PENDING") || lifeCycle.equals("QUEUED")
        || lifeCycle.equals("TERMINATING") || lifeCycle.equals("WAITING_FOR_RETRY")) {
      return outcome(plan, RemediationStatus.FAILED, "run " + runId + " is " + lifeCycle
          + "; Databricks repairs only runs that have ended", Optional.empty());
    }
    try {
      long repairId = jobs.repair(runId, plan.tasks(), latestRepairId(run));
      String what = plan.tasks().isEmpty() ? "all failed tasks" : "tasks " + String.join(", ", plan.tasks());
      return outcome(plan, RemediationStatus.EXECUTED,
          "repair " + repairId + " of run " + runId + " started for " + what,
          Optional.of(new RunId(Long.toString(repairId))));
    } catch (PermanentPortException e) {
      return outcome(plan, RemediationStatus.FAILED, e.getMessage(), Optional.empty());
    }
  }

  /**
   * Reads the repair's entry in the run's {@code repair_history}: its {@code status} (API 2.2) or, from older
   * workspaces, its {@code state}.
   */
  @Override
  public RemediationProgress progress(RemediationOutcome executed) {
    requireRepair(executed.plan());
    String runId = executed.plan().target().runId().value();
    String repairId = executed.newRun()
        .orElseThrow(() -> new IllegalArgumentException("outcome " + executed.status() + " started no repair"))
        .value();
    JsonNode run = jobs.getRun(runId);
    for (JsonNode item : run.path("repair_history")) {
      if (item.path("id").asText("").equals(repairId)) {
        return progressOf(item, "repair " + repairId + " of run " + runId);
      }
    }
    return RemediationProgress.running("repair " + repairId + " of run " + runId
        + " is not in the run's history yet");
  }

  static RemediationProgress progressOf(JsonNode repair, String name) {
    JsonNode status = repair.path("status");
    JsonNode state = repair.path("state");
    String detail;
    boolean ended;
    boolean succeeded;
    if (status.hasNonNull("state")) {
      JsonNode termination = status.path("termination_details");
      String code = termination.path("code").asText("");
      ended = status.path("state").asText().equals("TERMINATED");
      succeeded = code.equals("SUCCESS");
      detail = name + ": " + status.path("state").asText() + (code.isEmpty() ? "" : " " + code)
          + message(termination.path("message").asText(""));
    } else {
      String lifeCycle = state.path("life_cycle_state").asText("");
      String result = state.path("result_state").asText("");
      ended = lifeCycle.equals("TERMINATED") || lifeCycle.equals("SKIPPED") || lifeCycle.equals("INTERNAL_ERROR");
      succeeded = result.equals("SUCCESS");
      detail = name + ": " + (lifeCycle.isEmpty() ? "state unknown" : lifeCycle) + (result.isEmpty() ? "" : " "
          + result) + message(state.path("state_message").asText(""));
    }
    if (!ended) {
      return RemediationProgress.running(detail);
    }
    return succeeded ? RemediationProgress.succeeded(detail) : RemediationProgress.failed(detail);
  }

  private static String message(String text) {
    return text.isBlank() ? "" : " (" + text.strip() + ")";
  }

  /** The id of the run's last repair, which Databricks requires when a run is repaired again. */
  static OptionalLong latestRepairId(JsonNode run) {
    OptionalLong latest = OptionalLong.empty();
    for (JsonNode item : run.path("repair_history")) {
      if (item.path("type").asText("").equals("REPAIR") && item.path("id").canConvertToLong()) {
        latest = OptionalLong.of(item.path("id").asLong());
      }
    }
    return latest;
  }

  private RemediationOutcome outcome(
      RemediationPlan plan, RemediationStatus status, String detail, Optional<RunId> newRun) {
    return new RemediationOutcome(plan, status, detail, clock.instant(), newRun);
  }

  private static void requireRepair(RemediationPlan plan) {
    if (plan.action() != RemediationAction.REPAIR_FAILED_TASKS || plan.target().source() != Source.DATABRICKS) {
      throw new IllegalArgumentException("Databricks runs only repairs of Databricks runs, not " + plan.action()
          + " of " + plan.target());
    }
  }
}
