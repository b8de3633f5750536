package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.RemediationOutcome;
import dev.aiops.rca.domain.RemediationPlan;
import dev.aiops.rca.domain.RemediationStatus;
import dev.aiops.rca.domain.RunId;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.out.RemediationExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A remediation executor in memory: every plan "starts" run {@code repair-N}; records plans, fails on demand. */
public final class InMemoryRemediationExecutor implements RemediationExecutor {

  private final Source source;
  private final Clock clock;
  private final List<RemediationPlan> executed = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();

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

  public synchronized List<RemediationPlan> executed() {
    return List.copyOf(executed);
  }
}
