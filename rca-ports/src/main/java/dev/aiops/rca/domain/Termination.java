package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * Why a run or task ended, as the platform codes it (Databricks {@code status.termination_details}).
 *
 * @param code the termination code, such as {@code DRIVER_ERROR} or {@code USER_CANCELED}
 * @param type the termination type, such as {@code CLIENT_ERROR} or {@code CLOUD_FAILURE}; may be empty
 * @param message the platform's message; may be empty
 */
public record Termination(String code, String type, String message) {
  public Termination {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }
}
