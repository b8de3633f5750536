package dev.aiops.rca.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The severity an Azure Monitor alert rule gave its alert ({@code data.essentials.severity} of the Common Alert
 * Schema): {@link #SEV0} critical, {@link #SEV1} error, {@link #SEV2} warning, {@link #SEV3} informational,
 * {@link #SEV4} verbose. A closed set, so it carries nothing from the payload but its level.
 */
public enum AlertSeverity {
  SEV0,
  SEV1,
  SEV2,
  SEV3,
  SEV4;

  /** The severity written as Azure writes it ({@code Sev0} … {@code Sev4}, any case, or the digit); empty else. */
  public static Optional<AlertSeverity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip().toUpperCase(Locale.ROOT);
    String digit = value.startsWith("SEV") ? value.substring(3) : value;
    if (digit.length() == 1 && digit.charAt(0) >= '0' && digit.charAt(0) <= '4') {
      return Optional.of(values()[digit.charAt(0) - '0']);
    }
    return Optional.empty();
  }

  /** As Azure writes it: {@code Sev0} … {@code Sev4}. */
  public String label() {
    return "Sev" + ordinal();
  }
}
