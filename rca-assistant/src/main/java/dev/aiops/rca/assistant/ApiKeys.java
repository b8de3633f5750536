package dev.aiops.rca.assistant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The rules for the keys callers present (the webhook/API key and the operator key), shared by every way the
 * assistant is configured so that each refuses the same keys with the same words.
 */
public final class ApiKeys {

  /** The fewest characters a key may have: short ones are guessed. */
  public static final int MIN_LENGTH = 24;

  private ApiKeys() {}

  /** Why the webhook/API key named {@code name} is refused, or empty when it is long enough. */
  public static Optional<String> apiKeyProblem(String name, String key) {
    return key.length() >= MIN_LENGTH ? Optional.empty() : Optional.of(name + " must be at least " + MIN_LENGTH
        + " characters long, was " + key.length() + ": make one with openssl rand -hex 24, or unset it to have one"
        + " generated");
  }

  /**
   * Why the operator key named {@code name} is refused, or empty when it is usable: long enough, and not the
   * webhook key (whoever can send a webhook would then approve remediations too).
   */
  public static Optional<String> operatorKeyProblem(String name, String key, String apiKeyName,
      Optional<String> apiKey) {
    if (key.length() < MIN_LENGTH) {
      return Optional.of(name + " must be at least " + MIN_LENGTH + " characters long, was " + key.length()
          + ": make one with openssl rand -hex 24");
    }
    if (apiKey.filter(key::equals).isPresent()) {
      return Optional.of(name + " must differ from " + apiKeyName);
    }
    return Optional.empty();
  }

  /** Whether a presented key is the expected one, compared in constant time (no timing hints to a guesser). */
  public static boolean matches(String expected, String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }
}
