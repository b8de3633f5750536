package dev.aiops.rca.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait the server asked for, if it asked in a form that can be read. */
  public static Optional<Duration> from(HttpHeaders headers) {
    return headers.firstValue("Retry-After").flatMap(value -> parse(value, Clock.systemUTC()));
  }

  /**
   * The wait {@code value} asks for as seen at {@code clock}'s now: never negative, empty for blank or unreadable
   * values (a garbage header must not turn into a wait of zero that hammers the server).
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
