package dev.aiops.rca.app.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads settings by name and collects every problem instead of stopping at the first, so that a start-up
 * failure lists all that must be fixed at once.
 */
final class SettingsReader {

  private final ConfigSource source;
  private final List<String> problems;

  SettingsReader(ConfigSource source, List<String> problems) {
    this.source = Objects.requireNonNull(source, "source");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  Optional<String> get(String name) {
    return source.get(name);
  }

  boolean isSet(String name) {
    return source.get(name).isPresent();
  }

  /** A setting that must be there because another one is. */
  Optional<String> required(String name, String because) {
    Optional<String> value = source.get(name);
    if (value.isEmpty()) {
      problems.add(name + " is missing (" + because + ")");
    }
    return value;
  }

  /** Reports a problem that concerns more than one setting. */
  void problem(String text) {
    problems.add(text);
  }

  boolean flag(String name, boolean otherwise) {
    Optional<String> value = source.get(name).map(v -> v.toLowerCase(Locale.ROOT));
    if (value.isEmpty()) {
      return otherwise;
    }
    switch (value.get()) {
      case "true": case "yes": case "1": case "on":
        return true;
      case "false": case "no": case "0": case "off":
        return false;
      default:
        problems.add(name + " must be true or false, was '" + source.get(name).get() + "'");
        return otherwise;
    }
  }

  int number(String name, int otherwise, int min, int max) {
    Optional<String> value = source.get(name);
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a number from " + min + " to " + max + ", was '" + value.get() + "'");
    return otherwise;
  }

  /** A duration as ISO-8601 ({@code PT1H}) or a number with a unit ({@code 90s}, {@code 15m}, {@code 1h}). */
  /**
   * How often some background work runs: {@code 0} turns it off, else a duration of at least one second; anything
   * else is a problem and leaves {@code otherwise}.
   */
  Duration interval(String name, Duration otherwise) {
    Duration every = duration(name, otherwise);
    if (!every.isZero() && every.compareTo(Duration.ofSeconds(1)) < 0) {
      problem(name + " must be 0 (off) or a duration of at least 1s such as 30s, 10m or 1h, was '"
          + get(name).orElse("") + "'");
      return otherwise;
    }
    return every;
  }

  Duration duration(String name, Duration otherwise) {
    Optional<String> value = source.get(name).map(v -> v.toLowerCase(Locale.ROOT));
    if (value.isEmpty()) {
      return otherwise;
    }
    try {
      String text = value.get();
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
      String unit = text.replaceAll("^[0-9]+", "");
      switch (unit) {
        case "ms": return Duration.ofMillis(amount);
        case "s": case "": return Duration.ofSeconds(amount);
        case "m": return Duration.ofMinutes(amount);
        case "h": return Duration.ofHours(amount);
        case "d": return Duration.ofDays(amount);
        default: break;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // reported below
    }
    problems.add(name + " must be a duration such as 90s, 15m, 1h or PT1H, was '" + source.get(name).get() + "'");
    return otherwise;
  }

  List<String> list(String name, List<String> otherwise) {
    return source.get(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(otherwise);
  }

  Optional<URI> url(String name) {
    Optional<String> value = source.get(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(name + " must be an absolute URL, was '" + value.get() + "'");
    return Optional.empty();
  }

  /**
   * Builds adapter settings, turning the adapter's own validation message into a problem that names the setting.
   */
  <T> Optional<T> build(String settings, java.util.function.Supplier<T> builder) {
    try {
      return Optional.of(builder.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(settings + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** One value out of a closed set, compared without case. */
  <E extends Enum<E>> Optional<E> choice(String name, Class<E> type, Function<E, String> id) {
    Optional<String> value = source.get(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    for (E option : type.getEnumConstants()) {
      if (id.apply(option).equalsIgnoreCase(value.get())) {
        return Optional.of(option);
      }
    }
    problems.add(name + " must be one of " + Arrays.stream(type.getEnumConstants()).map(id).toList()
        + ", was '" + value.get() + "'");
    return Optional.empty();
  }
}
