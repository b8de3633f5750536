package dev.aiops.rca.testkit;

import dev.aiops.rca.domain.FailedRun;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.out.FailedRunSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A platform in memory: answers with the runs a test put in it, records every fetch, fails on demand. */
public final class InMemoryFailedRunSource implements FailedRunSource {

  private final Source source;
  private final Map<RunKey, FailedRun> runs = new HashMap<>();
  private final List<RunKey> fetches = new ArrayList<>();
  private final List<Instant> listings = new ArrayList<>();
  private final FailureInjector failures = new FailureInjector();

  public InMemoryFailedRunSource(Source source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  public FailureInjector failures() {
    return failures;
  }

  /** Makes the platform know {@code run}. */
  public synchronized InMemoryFailedRunSource add(FailedRun run) {
    if (run.source() != source) {
      throw new IllegalArgumentException("this source speaks for " + source + ", not " + run.source());
    }
    runs.put(run.event().run(), run);
    return this;
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public synchronized FailedRun fetch(FailureEvent event) {
    if (event.source() != source) {
      throw new IllegalArgumentException("this source speaks for " + source + ", not " + event.source());
    }
    fetches.add(event.run());
    failures.maybeFail();
    FailedRun run = runs.get(event.run());
    if (run == null) {
      throw new PermanentPortException("run " + event.run() + " does not exist");
    }
    return run;
  }

  /** The failed runs it knows whose event's time falls in the window, oldest first. */
  @Override
  public synchronized List<FailureEvent> failedRunsBetween(Instant from, Instant to) {
    listings.add(from);
    failures.maybeFail();
    return runs.values().stream()
        .map(FailedRun::event)
        .filter(event -> !event.occurredAt().isBefore(from) && event.occurredAt().isBefore(to))
        .sorted(Comparator.comparing(FailureEvent::occurredAt))
        .toList();
  }

  /** The start of each window it was asked to list, in order. */
  public synchronized List<Instant> listings() {
    return List.copyOf(listings);
  }

  public synchronized List<RunKey> fetches() {
    return List.copyOf(fetches);
  }
}
