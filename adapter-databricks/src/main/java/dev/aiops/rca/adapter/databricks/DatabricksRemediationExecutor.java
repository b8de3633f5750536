package dev.aiops.rca.adapter.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiops.rca.domain.RemediationAction;
import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.Source;
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
    DatabricksTransport transport = DatabricksTransport.standard(settings);
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
