package dev.aiops.rca.adapter.web.slack;

import dev.aiops.rca.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, version 0: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body)>}. A request is taken when the signature matches (compared in
 * constant time) and its timestamp is within {@link #TOLERANCE} of now, so that a recorded request cannot be
 * replayed later. Thread-safe.
 */
public final class SlackSignature {

  /** How far a request's timestamp may be from now, either way: Slack's own advice. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v0";
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  private final Secret secret;
  private final Clock clock;

  public SlackSignature(Secret secret, Clock clock) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Why the request is refused; empty when Slack signed it within the tolerance.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, unix seconds; null when absent
   * @param signature the {@code X-Slack-Signature} header; null when absent
   * @param body the raw body, before any parsing
   */
  public Optional<String> refusal(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Optional.of("the request is not signed (X-Slack-Signature, X-Slack-Request-Timestamp)");
    }
    if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of("X-Slack-Request-Timestamp is not a time in unix seconds");
    }
    long seconds = Long.parseLong(timestamp);
    Instant now = clock.instant();
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return Optional.of("the request's timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now");
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.empty()
        : Optional.of("the signature does not match (check SLACK_SIGNING_SECRET)");
  }

  /** The signature Slack sends with {@code body} at {@code timestamp}: {@code v0=<64 hex digits>}. */
  public static String sign(Secret secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
