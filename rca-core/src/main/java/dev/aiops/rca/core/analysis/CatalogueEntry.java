package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.Category;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the signature catalogue.
 *
 * @param id a stable name, used in signatures and tests
 * @param kind how the pattern is used
 * @param pattern the regular expression (for {@link Kind#CODE}, an exact code quoted as a pattern)
 * @param category the category a match implies; {@link Category#UNKNOWN} for wrappers and noise
 * @param priority the weight in tie-breaks: the most specific signature has the highest
 * @param actions recommended action templates with {@code {entity|default}} placeholders
 */
record CatalogueEntry(String id, Kind kind, Pattern pattern, Category category, int priority, List<String> actions) {

  /** How an entry is applied to the evidence. */
  enum Kind {
    /** A regular expression searched in a cause statement. */
    TEXT,
    /** An exact platform code: Databricks termination code, ADF error code, {@code SQL<number>}. */
    CODE,
    /** A wrapper whose group {@code inner} holds the wrapped cause. */
    WRAP,
    /** A line that never states a cause. */
    NOISE
  }

  CatalogueEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(category, "category");
    actions = List.copyOf(actions);
  }
}
