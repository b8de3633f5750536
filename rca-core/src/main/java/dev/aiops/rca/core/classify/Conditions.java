package dev.aiops.rca.core.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pinned Spark and Delta error-condition catalogues, by name (catalogue/*.tsv, generated). */
final class Conditions {

  private final Map<String, Condition> byName;

  private Conditions(Map<String, Condition> byName) {
    this.byName = byName;
  }

  static Conditions load() {
    return load(Set.of("spark", "delta"));
  }

  /** Only the named catalogues ({@code spark}, {@code delta}): to measure how the rest fares without one. */
  static Conditions load(Set<String> taxonomies) {
    Map<String, Condition> byName = new LinkedHashMap<>();
    if (taxonomies.contains("spark")) {
      read("spark", "spark-error-conditions", byName);
    }
    if (taxonomies.contains("delta")) {
      read("delta", "delta-error-classes", byName);
    }
    return new Conditions(byName);
  }

  private static void read(String taxonomy, String catalogue, Map<String, Condition> byName) {
    Map<String, List<String>> templates = new LinkedHashMap<>();
    Map<String, String> states = new LinkedHashMap<>();
    for (TabSeparated.Row row : TabSeparated.catalogue(catalogue)) {
      templates.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.size() > 3 ? row.get(3) : "");
      states.merge(row.get(0), row.get(1), (a, b) -> a.isBlank() ? b : a);
    }
    templates.forEach((name, texts) -> byName.putIfAbsent(name,
        new Condition(taxonomy, name, states.getOrDefault(name, ""), texts)));
  }

  Optional<Condition> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  Collection<Condition> all() {
    return byName.values();
  }
}
