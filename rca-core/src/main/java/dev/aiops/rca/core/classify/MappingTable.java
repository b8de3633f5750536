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
    return parse(name, Resources.lines("mapping/" + name + ".tsv"));
  }

  /**
   * Parses table lines: {@code key TAB category TAB why}; {@code #} lines and blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the table and line of a malformed row
   */
  static MappingTable parse(String name, List<String> lines) {
    Map<String, Row> exact = new HashMap<>();
    List<Rule> rules = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3 || cols[0].isBlank() || cols[2].isBlank()) {
        throw new IllegalArgumentException(name + " line " + number + ": expected key, category and why");
      }
      Row row;
      try {
        boolean weak = cols[1].endsWith("?");
        String category = weak ? cols[1].substring(0, cols[1].length() - 1) : cols[1];
        row = new Row(cols[0], category.equals("-") ? Optional.empty() : Optional.of(Category.valueOf(category)),
            cols[2], weak);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + number + ": unknown category " + cols[1], e);
      }
      if (cols[0].startsWith("~")) {
        try {
          rules.add(new Rule(Pattern.compile(cols[0].substring(1)), row));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(name + " line " + number + ": " + e.getDescription(), e);
        }
      } else if (exact.putIfAbsent(cols[0], row) != null) {
        throw new IllegalArgumentException(name + " line " + number + ": duplicate key " + cols[0]);
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
