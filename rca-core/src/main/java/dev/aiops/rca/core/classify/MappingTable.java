package dev.aiops.rca.core.classify;

import dev.aiops.rca.domain.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One of our reviewed mapping tables: identifiers (exact keys) and {@code ~}-prefixed rules (regular expressions
 * searched in the identifier, in file order) mapped to a category, or to "no category" with the reason why.
 */
final class MappingTable {

  /**
   * A row that applies: its category (empty when the row says deliberately none), the row's reason, and whether
   * the category is only a weak default (written {@code CATEGORY?}) that any later layer may override.
   */
  record Row(String key, Optional<Category> category, String why, boolean weak) {}

  private record Rule(Pattern pattern, Row row) {}

  private final Map<String, Row> exact;
  private final List<Rule> rules;

  private MappingTable(Map<String, Row> exact, List<Rule> rules) {
    this.exact = exact;
    this.rules = rules;
  }

  /** Loads {@code mapping/<name>.tsv}. */
  static MappingTable load(String name) {
    return of(name, TabSeparated.mapping(name, 3));
  }

  /**
   * Parses table lines: {@code key TAB category TAB why}.
   *
   * @throws IllegalArgumentException naming the table and line of a malformed row
   */
  static MappingTable parse(String name, List<String> lines) {
    return of(name, TabSeparated.parse(name, lines, 3));
  }

  private static MappingTable of(String name, List<TabSeparated.Row> rows) {
    Map<String, Row> exact = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    for (TabSeparated.Row cols : rows) {
      int number = cols.line();
      if (cols.get(0).isBlank() || cols.get(2).isBlank()) {
        throw new IllegalArgumentException(name + " line " + number + ": expected key, category and why");
      }
      Row row;
      try {
        boolean weak = cols.get(1).endsWith("?");
        String category = weak ? cols.get(1).substring(0, cols.get(1).length() - 1) : cols.get(1);
        row = new Row(cols.get(0), category.equals("-") ? Optional.empty()
            : Optional.of(Category.valueOf(category)), cols.get(2), weak);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + number + ": unknown category " + cols.get(1), e);
      }
      if (cols.get(0).startsWith("~")) {
        try {
          rules.add(new Rule(Pattern.compile(cols.get(0).substring(1)), row));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(name + " line " + number + ": " + e.getDescription(), e);
        }
      } else if (exact.putIfAbsent(cols.get(0), row) != null) {
        throw new IllegalArgumentException(name + " line " + number + ": duplicate key " + cols.get(0));
      }
    }
    return new MappingTable(Map.copyOf(exact), List.copyOf(rules));
  }

  /** The row of this exact identifier, if the table lists it. */
  Optional<Row> exact(String key) {
    return Optional.ofNullable(exact.get(key));
  }

  /** The first rule whose pattern is found in the identifier, if any. */
  Optional<Row> rule(String key) {
    for (Rule rule : rules) {
      if (rule.pattern().matcher(key).find()) {
        return Optional.of(rule.row());
      }
    }
    return Optional.empty();
  }

  /** The exact row, else the first rule that applies. */
  Optional<Row> lookup(String key) {
    return exact(key).or(() -> rule(key));
  }

  boolean hasExact(String key) {
    return exact.containsKey(key);
  }
}
