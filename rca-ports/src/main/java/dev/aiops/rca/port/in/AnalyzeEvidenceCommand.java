package dev.aiops.rca.port.in;

import dev.aiops.rca.domain.FailedRun;
import java.util.Objects;

/** A failed run, already enriched, to analyse. */
public record AnalyzeEvidenceCommand(FailedRun run) {
  public AnalyzeEvidenceCommand {
    Objects.requireNonNull(run, "run");
  }
}
