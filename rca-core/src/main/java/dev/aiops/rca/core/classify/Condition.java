package dev.aiops.rca.core.classify;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a pinned Spark, PySpark or Delta error-condition catalogue.
 *
 * @param taxonomy which catalogue: {@code spark} or {@code delta}
 * @param name the condition, {@code PARENT.SUB} for a sub-condition
 * @param sqlState its SQLSTATE; empty for legacy templates
 * @param templates its message templates, one per wording across the pinned versions
 */
record Condition(String taxonomy, String name, String sqlState, List<String> templates) {

  Condition {
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sqlState, "sqlState");
    templates = List.copyOf(templates);
  }

  String parent() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  boolean isLegacy() {
    return name.startsWith("_LEGACY_ERROR");
  }
}
