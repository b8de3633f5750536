package dev.aiops.rca.adapter.web.support;

import java.util.Objects;

/** A credential the web side checks (the API key, the admin password): never printed, revealed where used. */
public final class WebSecret {

  private final String value;

  public WebSecret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
  }

  /** The value, for the one place that compares or hashes it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebSecret && ((WebSecret) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
