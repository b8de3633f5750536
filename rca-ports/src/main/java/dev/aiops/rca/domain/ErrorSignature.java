package dev.aiops.rca.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The fingerprint that groups recurrences of one failure: a lower-case hex hash of its stable parts. */
public record ErrorSignature(String value) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{16,64}");

  public ErrorSignature {
    Objects.requireNonNull(value, "value");
    if (!HEX.matcher(value).matches()) {
      throw new IllegalArgumentException("signature must be 16 to 64 lower-case hex digits, was '" + value + "'");
    }
  }

  /** The first twelve digits, enough to tell signatures apart in labels and messages. */
  public String shortHash() {
    return value.substring(0, 12);
  }

  @Override
  public String toString() {
    return value;
  }
}
