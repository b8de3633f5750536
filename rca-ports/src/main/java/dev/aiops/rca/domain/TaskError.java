package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * The error a task or activity reported.
 *
 * @param message the short error ({@code error} of runs/get-output, ADF {@code error.message})
 * @param trace the full trace ({@code error_trace}); may be empty
 * @param logs the task's log output, often holding the detail; may be empty
 * @param logsTruncated whether the platform cut the logs
 * @param code a platform error code (ADF {@code errorCode}); may be empty
 * @param failureType a platform failure type (ADF {@code UserError}, {@code SystemError}); may be empty
 */
public record TaskError(
    String message, String trace, String logs, boolean logsTruncated, String code, String failureType) {

  public TaskError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(failureType, "failureType");
  }

  public static TaskError ofMessage(String message) {
    return new TaskError(message, "", "", false, "", "");
  }

  public boolean isEmpty() {
    return message.isBlank() && trace.isBlank() && logs.isBlank() && code.isBlank();
  }
}
