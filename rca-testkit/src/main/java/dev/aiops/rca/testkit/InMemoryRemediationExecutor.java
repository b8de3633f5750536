package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationProgress;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.RemediationExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A remediation executor in memory: every plan "starts" run {@code repair-N}; records plans, fails on demand. */
public final class InMemoryRemediationExecutor implements RemediationExecutor {

  private final Source source;
  private final Clock clock;
  private final List<RemediationPlan> executed = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();
  private final Map<RunId, RemediationProgress> progress = new HashMap<>();
  private int progressCalls;

  public InMemoryRemediationExecutor(Source source, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public FailureInjector failures() {
    return failures;
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public String describe(RemediationPlan plan) {
    return "POST fake://" + plan.action().name().toLowerCase() + "/" + plan.target().runId();
  }

  @Override
  public synchronized RemediationOutcome execute(RemediationPlan plan) {
    if (plan.target().source() != source) {
      throw new IllegalArgumentException("this executor acts on " + source + ", not " + plan.target().source());
    }
    failures.maybeFail();
    executed.add(plan);
    RunId newRun = new RunId("repair-" + executed.size());
    return new RemediationOutcome(plan, RemediationStatus.EXECUTED, "started run " + newRun, clock.instant(),
        Optional.of(newRun));
  }

  /** Makes {@link #progress} answer {@code progress} for the run {@code newRun}; unknown runs are still running. */
  public synchronized void finish(RunId newRun, RemediationProgress progress) {
    this.progress.put(newRun, Objects.requireNonNull(progress, "progress"));
  }

  @Override
  public synchronized RemediationProgress progress(RemediationOutcome executed) {
    RunId newRun = executed.newRun()
        .orElseThrow(() -> new IllegalArgumentException("outcome " + executed.status() + " started no run"));
    failures.maybeFail();
    progressCalls++;
    return progress.getOrDefault(newRun, RemediationProgress.running("run " + newRun + " is running"));
  }

  /** How often {@link #progress} was asked, including calls that failed. */
  public synchronized int progressCalls() {
    return progressCalls;
  }

  public synchronized List<RemediationPlan> executed() {
    return List.copyOf(executed);
  }
}
