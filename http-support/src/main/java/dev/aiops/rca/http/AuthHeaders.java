package dev.aiops.rca.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic and bearer {@code Authorization} values, and the check that a credential's parts are there. */
public final class AuthHeaders {

  static final String BEARER = "Bearer ";

  private AuthHeaders() {}

  /** {@code Basic base64(user:secret)}, the user and secret in UTF-8. */
  public static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Bearer token}. */
  public static String bearer(String token) {
    return BEARER + token;
  }

  /**
   * Throws with {@code message} unless every part is present and not blank; the message names the settings, and
   * never the values, which are secrets.
   */
  public static void requireNotBlank(String message, String... parts) {
    for (String part : parts) {
      if (part == null) {
        throw new NullPointerException(message);
      }
      if (part.isBlank()) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
