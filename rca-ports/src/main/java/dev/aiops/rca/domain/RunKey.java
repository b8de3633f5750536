package dev.aiops.rca.domain;

import java.util.Objects;

/** The identity of one platform run across the service: its source and its run id. */
public record RunKey(Source source, RunId runId) {
  public RunKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(runId, "runId");
  }

  public static RunKey of(Source source, String runId) {
    return new RunKey(source, new RunId(runId));
  }

  @Override
  public String toString() {
    return source + ":" + runId;
  }
}
