package dev.aiops.rca.core.intake;

import dev.aiops.rca.domain.AlertWindow;
import dev.aiops.rca.domain.FailureEvent;
import dev.aiops.rca.domain.FailureReport;
import java.util.Optional;

/**
 * What an inbox can keep: ids and names no platform makes this long. A value longer than its column would fail the
 * insert on every attempt, and a sender told to retry (5xx) would send it forever.
 */
final class StorableReports {

  /** The longest run or job id the inbox and the incident store keep; real platform ids are far shorter. */
  static final int MAX_ID_LENGTH = 200;
  /** The longest job id the inbox keeps: Data Factory pipeline names, which stand for it, reach 260 characters. */
  static final int MAX_JOB_ID_LENGTH = 260;
  /** The longest job name or workspace the inbox and the incident store keep. */
  static final int MAX_NAME_LENGTH = 500;

  private StorableReports() {}

  /** Why the inbox could not store the report, if it could not. */
  static Optional<String> unstorable(FailureReport report) {
    if (report instanceof AlertWindow window) {
      return tooLong(window.workspace(), MAX_NAME_LENGTH, "the workspace or factory")
          .or(() -> tooLong(window.jobName().orElse(""), MAX_NAME_LENGTH, "the pipeline name"));
    }
    FailureEvent event = (FailureEvent) report;
    if (event.run().runId().value().length() > MAX_ID_LENGTH) {
      return Optional.of("the run id is not a run id: longer than " + MAX_ID_LENGTH + " characters");
    }
    return tooLong(event.jobId(), MAX_JOB_ID_LENGTH, "the job id or pipeline name")
        .or(() -> tooLong(event.jobName(), MAX_NAME_LENGTH, "the job name"))
        .or(() -> tooLong(event.workspace(), MAX_NAME_LENGTH, "the workspace or factory"));
  }

  private static Optional<String> tooLong(String value, int max, String what) {
    return value.length() > max ? Optional.of(what + " is longer than " + max + " characters") : Optional.empty();
  }
}
