package dev.aiops.rca.adapter.web.webhook;

import dev.aiops.rca.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the key a webhook presents against {@code RCA_API_KEY}: as {@code X-API-Key}, as
 * {@code Authorization: Bearer}, as the password of HTTP Basic (what a Databricks destination can send), or as a
 * {@code ?code=} query parameter (Azure action groups cannot send headers). Comparisons take constant time.
 */
public final class WebhookAuth {

  private final Optional<byte[]> key;

  private WebhookAuth(Optional<byte[]> key) {
    this.key = key;
  }

  /** Webhooks must present this key. */
  public static WebhookAuth requiring(Secret key) {
    Objects.requireNonNull(key, "key");
    return new WebhookAuth(Optional.of(key.reveal().getBytes(StandardCharsets.UTF_8)));
  }

  /** Every webhook is accepted: for local experiments only. */
  public static WebhookAuth disabled() {
    return new WebhookAuth(Optional.empty());
  }

  public boolean isDisabled() {
    return key.isEmpty();
  }

  /**
   * Whether the request presents the key in any of the accepted places.
   *
   * @param apiKeyHeader the {@code X-API-Key} header, or null
   * @param authorization the {@code Authorization} header, or null
   * @param code the {@code code} query parameter, or null
   */
  public boolean accepts(String apiKeyHeader, String authorization, String code) {
    if (key.isEmpty()) {
      return true;
    }
    // Every candidate is compared, whichever matches, so that timing tells nothing about which place was used.
    boolean accepted = matches(apiKeyHeader);
    accepted |= matches(bearer(authorization));
    accepted |= matches(basicPassword(authorization));
    accepted |= matches(code);
    return accepted;
  }

  private boolean matches(String candidate) {
    if (candidate == null || candidate.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(key.get(), candidate.strip().getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7);
  }

  private static String basicPassword(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(colon + 1);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
