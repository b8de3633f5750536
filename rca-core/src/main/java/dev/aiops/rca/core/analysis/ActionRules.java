package dev.aiops.rca.core.analysis;

import dev.aiops.rca.domain.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    try (InputStream in = ActionRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("action rules missing: " + RESOURCE);
      }
      List<Rule> rules = new ArrayList<>();
      int number = 0;
      for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4) {
          throw new IllegalArgumentException("actions.tsv line " + number + ": expected 4 columns");
        }
        Optional<Pattern> when = cols[2].equals("-") ? Optional.empty()
            : Optional.of(Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE));
        rules.add(new Rule(cols[0], Category.valueOf(cols[1]), when, Arrays.stream(cols[3].split(" \\| "))
            .map(String::strip).filter(a -> !a.isEmpty()).toList()));
      }
      return new ActionRules(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
