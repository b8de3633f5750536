package dev.aiops.rca.domain;

import java.util.Objects;

/** A concrete name found in the evidence: a table, a column, a path, an error code ... */
public record Entity(EntityKind kind, String value) {
  public Entity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("entity value must not be blank");
    }
  }
}
