package dev.aiops.rca.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a value from a job's tags or a pipeline's annotations: a tag {@code owner=team-a} (any case of the key), or
 * an annotation {@code owner:team-a} / {@code owner=team-a}, which ADF keeps as a key with an empty value because
 * annotations are plain strings.
 */
final class Tags {

  private Tags() {}

  /** The non-blank value of the first of {@code keys} the tags hold. */
  static Optional<String> first(Map<String, String> tags, List<String> keys) {
    for (String key : keys) {
      Optional<String> value = value(tags, key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The non-blank value of {@code key}, from a tag or an annotation. */
  static Optional<String> value(Map<String, String> tags, String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (tag.getKey().toLowerCase(Locale.ROOT).equals(wanted) && !tag.getValue().isBlank()) {
        return Optional.of(tag.getValue().strip());
      }
    }
    for (String annotation : tags.keySet()) {
      int separator = firstSeparator(annotation);
      if (separator > 0 && annotation.substring(0, separator).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        String value = annotation.substring(separator + 1).strip();
        if (!value.isEmpty() && tags.get(annotation).isBlank()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private static int firstSeparator(String annotation) {
    int colon = annotation.indexOf(':');
    int equals = annotation.indexOf('=');
    if (colon < 0) {
      return equals;
    }
    return equals < 0 ? colon : Math.min(colon, equals);
  }
}
