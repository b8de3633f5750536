package dev.aiops.rca.core.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names deliveries and keeps their headers: the id comes from an {@code X-Delivery-Id} header when the sender gives
 * one, else from the SHA-256 of the body, so that the same webhook delivered again is recognised.
 */
final class DeliveryIds {

  /** The headers kept with a delivery; credentials never are. */
  static final List<String> HEADERS_OF_INTEREST = List.of(
      "content-type", "user-agent", "x-delivery-id", "x-request-id", "x-forwarded-for", "x-databricks-org-id");
  private static final int MAX_HEADER_LENGTH = 500;

  private DeliveryIds() {}

  static Map<String, String> keep(Map<String, String> headers) {
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HEADERS_OF_INTEREST.contains(lower) && value != null) {
        kept.put(lower, value.length() > MAX_HEADER_LENGTH ? value.substring(0, MAX_HEADER_LENGTH) : value);
      }
    });
    return kept;
  }

  static String deliveryId(String body, Map<String, String> keptHeaders) {
    Optional<String> given = Optional.ofNullable(keptHeaders.get("x-delivery-id"))
        .map(String::strip)
        .filter(id -> id.matches("[A-Za-z0-9._:\\-]{1,150}"));
    return given.map(id -> "hdr:" + id).orElseGet(() -> "sha256:" + sha256(body));
  }

  private static String sha256(String body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
