package dev.aiops.rca.core.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the wrapper and noise catalogue.
 *
 * @param id a stable name, used in tests
 * @param kind how the pattern is used
 * @param pattern the regular expression
 */
record CatalogueEntry(String id, Kind kind, Pattern pattern) {

  /** How an entry is applied to the evidence. */
  enum Kind {
    /** A wrapper whose group {@code inner} holds the wrapped cause. */
    WRAP,
    /** A line that never states a cause. */
    NOISE
  }

  CatalogueEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
  }
}
