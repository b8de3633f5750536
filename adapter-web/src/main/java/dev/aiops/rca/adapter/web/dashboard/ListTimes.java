package dev.aiops.rca.adapter.web.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The times of the list's range: read from a link or the form's {@code datetime-local} fields, and written back
 * into the form. Every time is UTC, as the list shows them.
 */
final class ListTimes {

  private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private ListTimes() {}

  /**
   * A time given as an ISO instant ({@code 2026-12-05T10:00:00Z}), a {@code datetime-local} value taken as UTC
   * ({@code 2026-12-05T10:00}) or a date (its start, UTC); empty when absent or blank.
   *
   * @throws IllegalArgumentException naming the parameter, when it is none of these
   */
  static Optional<Instant> param(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String value = raw.strip();
    try {
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Optional.of(Instant.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.contains("T")) {
        return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      }
      return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a time such as 2026-12-05T10:00 (UTC) or "
          + "2026-12-05T10:00:00Z, was '" + value + "'", e);
    }
  }

  /** The value of a {@code datetime-local} field for the time (to the second, UTC). */
  static String field(Instant at) {
    return LOCAL_MINUTE.format(at);
  }

  /** The time as a link's parameter: an ISO instant, so that seconds survive. */
  static String link(Instant at) {
    return at.toString();
  }
}
