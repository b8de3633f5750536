package dev.aiops.rca.domain;

import java.util.Objects;

/** A platform's own run id: a Databricks run id or an ADF pipeline or activity run id. */
public record RunId(String value) {
  public RunId {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("run id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
