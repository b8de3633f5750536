package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.TabSeparated;
import dev.aiops.rca.domain.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The recommended-action templates, chosen by the decided category and, where a row has a pattern, by what the
 * evidence shows (resource {@code actions.tsv}). They never decide a category. Immutable and thread-safe.
 */
final class ActionRules {

  private static final String RESOURCE = "/dev/aiops/rca/core/analysis/actions.tsv";

  /** One row: the category it serves, the pattern that selects it (empty: the category's fallback), templates. */
  private record Rule(String id, Category category, Optional<Pattern> when, List<String> actions) {}

  private final List<Rule> rules;

  private ActionRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static ActionRules standard() {
    List<Rule> rules = new ArrayList<>();
    for (TabSeparated.Row row : TabSeparated.resource(RESOURCE, 4)) {
      Optional<Pattern> when = row.get(2).equals("-") ? Optional.empty()
          : Optional.of(Pattern.compile(row.get(2), Pattern.CASE_INSENSITIVE));
      rules.add(new Rule(row.get(0), Category.valueOf(row.get(1)), when, Arrays.stream(row.get(3).split(" \\| "))
          .map(String::strip).filter(a -> !a.isEmpty()).toList()));
    }
    return new ActionRules(rules);
  }

  /** The templates for a category: those of the first row whose pattern the evidence shows, else its fallback. */
  List<String> templates(Category category, String evidence) {
    Rule fallback = null;
    for (Rule rule : rules) {
      if (rule.category() != category) {
        continue;
      }
      if (rule.when().isEmpty()) {
        fallback = fallback == null ? rule : fallback;
      } else if (rule.when().get().matcher(evidence).find()) {
        return rule.actions();
      }
    }
    return fallback == null ? List.of() : fallback.actions();
  }
}
