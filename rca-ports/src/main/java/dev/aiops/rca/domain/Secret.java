package dev.aiops.rca.domain;

import java.util.Objects;

/**
 * A credential (an API key, a password, a token): it never prints, and its value is read only where it is sent or
 * checked.
 */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
  }

  /** The value, for the one place that sends or checks it; a name that makes such places easy to find. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }
}
