package dev.aiops.rca.core.redaction;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the {@link Redactor} behaves.
 *
 * @param redactDataValues whether row values printed by constraint and cast errors are masked
 *     ({@code RCA_REDACT_DATA_VALUES}, on by default)
 * @param knownSecrets the service's own configured secrets, replaced wherever they appear verbatim; values shorter
 *     than {@link #MIN_KNOWN_SECRET_LENGTH} are ignored, because masking every "abc" would destroy the evidence
 * @param maxChars the longest text redacted as a whole; longer text keeps its head and tail and loses the middle
 */
public record RedactionSettings(boolean redactDataValues, Set<String> knownSecrets, int maxChars) {

  /** Shorter configured secrets are not searched for. */
  public static final int MIN_KNOWN_SECRET_LENGTH = 6;
  /** Two million characters: a few megabytes, more than any platform hands out per task. */
  public static final int DEFAULT_MAX_CHARS = 2_000_000;

  public RedactionSettings {
    knownSecrets = Set.copyOf(Objects.requireNonNull(knownSecrets, "knownSecrets"));
    if (maxChars < 1_000) {
      throw new IllegalArgumentException("maxChars must be at least 1000, was " + maxChars);
    }
  }

  /** Data values masked, no known secrets, the default size bound. */
  public static RedactionSettings defaults() {
    return new RedactionSettings(true, Set.of(), DEFAULT_MAX_CHARS);
  }

  /** The same settings with these secrets known too. */
  public RedactionSettings withKnownSecrets(Set<String> secrets) {
    return new RedactionSettings(redactDataValues, secrets, maxChars);
  }

  /** The same settings with data-value masking switched on or off. */
  public RedactionSettings withDataValues(boolean redact) {
    return new RedactionSettings(redact, knownSecrets, maxChars);
  }

  // Longest first, so that a secret containing another is replaced whole.
  List<String> searchableSecrets() {
    return knownSecrets.stream()
        .filter(s -> s.strip().length() >= MIN_KNOWN_SECRET_LENGTH)
        .map(String::strip)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
