package dev.aiops.rca.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import dev.aiops.rca.core.analysis.Catalogue;
import dev.aiops.rca.core.analysis.RuleBasedAnalyzer;
import dev.aiops.rca.domain.Category;
import dev.aiops.rca.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders every Spark and Delta template with dummy values, wraps it as it appears in the wild (a Py4J trace, a
 * Spark stage failure, a Data Factory activity error) and runs the whole rule-based analysis on it, in three
 * variants: with its {@code [CONDITION]} tag and SQLSTATE, with both stripped, and stripped and cut at 120
 * characters. Coverage is the share not left UNKNOWN; agreement the share whose category is the catalogue entry's
 * own mapping. Two more variants leave the entry's own catalogue out of the classifier (Spark's templates against a
 * classifier that knows only Delta's, and the reverse): the offline measure of how far the generic layers carry
 * messages from a catalogue nobody pinned. The table goes to {@code target/classification-roundtrip.md} (and, with
 * {@code -Drca.docs.update=true}, into docs/CLASSIFICATION.md).
 */
class TemplateRoundTripTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z_][\\w.]*)>");
  private static final int CUT = 120;
  private static final RuleBasedAnalyzer ANALYZER = RuleBasedAnalyzer.withDefaultCatalogue();
  // Leave one taxonomy out: the other catalogue and the generic layers (SQLSTATE, types, cues) must carry it.
  private static final Map<String, RuleBasedAnalyzer> WITHOUT = Map.of(
      "spark", new RuleBasedAnalyzer(Catalogue.defaultCatalogue(), Classifier.withConditionsOf(Set.of("delta"))),
      "delta", new RuleBasedAnalyzer(Catalogue.defaultCatalogue(), Classifier.withConditionsOf(Set.of("spark"))));

  /** The figures of one taxonomy and variant. */
  record Score(String taxonomy, String variant, int cases, int covered, int agreeing) {
    double coverage() {
      return cases == 0 ? 0 : 100.0 * covered / cases;
    }

    double agreement() {
      return cases == 0 ? 0 : 100.0 * agreeing / cases;
    }
  }

  private static final Map<String, Score> SCORES = new LinkedHashMap<>();
  private static final List<String> MISSES = new ArrayList<>();

  @BeforeAll
  static void roundTrip() throws IOException {
    Taxonomy taxonomy = Classifier.standard().taxonomy();
    Map<String, int[]> counts = new LinkedHashMap<>();
    int index = 0;
    for (Condition condition : taxonomy.conditions().all()) {
      Optional<Category> expected = taxonomy.conditionMapping().of(condition).flatMap(m -> m.category());
      String template = condition.templates().isEmpty() ? "" : condition.templates().get(0);
      if (expected.isEmpty() || PLACEHOLDER.matcher(template).replaceAll("").strip().length() < 12) {
        continue;  // deliberately no category, or nothing but placeholders to match
      }
      String message = render(template);
      String tag = "[" + condition.name() + "] ";
      String state = condition.sqlState().isBlank() ? "" : " SQLSTATE: " + condition.sqlState();
      String cut = message.length() > CUT ? message.substring(0, CUT) : message;
      int wrapper = index++ % 3;
      count(counts, condition.taxonomy(), "tag present", expected.get(),
          analyse(wrap(tag + message + state, wrapper)));

      count(counts, condition.taxonomy(), "tag stripped", expected.get(), analyse(wrap(message, wrapper)));
      count(counts, condition.taxonomy(), "cut at 120", expected.get(), analyse(wrap(cut, wrapper)));
      RuleBasedAnalyzer without = WITHOUT.get(condition.taxonomy());
      count(counts, condition.taxonomy(), "tag present, catalogue left out", expected.get(),
          analyse(without, wrap(tag + message + state, wrapper)));
      Category leftOut = analyse(without, wrap(message, wrapper));
      count(counts, condition.taxonomy(), "tag stripped, catalogue left out", expected.get(), leftOut);
      if (leftOut != expected.get()) {
        MISSES.add(condition.name() + "\t" + expected.get() + "\t" + leftOut + "\t" + message);
      }
    }
    counts.forEach((key, c) -> {
      String[] parts = key.split("\\|");
      SCORES.put(key, new Score(parts[0], parts[1], c[0], c[1], c[2]));
    });
    String table = table();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/classification-roundtrip.md"), table, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("rca.docs.update")) {
      DocsSection.replace(Path.of("../docs/CLASSIFICATION.md"), "round-trip", table);
    }
    Files.write(Path.of("target/classification-roundtrip-misses.tsv"), MISSES, StandardCharsets.UTF_8);
    System.out.println(table);
  }

  @Test
  void should_agree_with_the_mapping_on_95_percent_when_the_tag_is_present() {
    assertAgreement("tag present", 95.0);
  }

  @Test
  void should_agree_with_the_mapping_on_80_percent_when_the_tag_is_stripped() {
    assertAgreement("tag stripped", 80.0);
  }

  @Test
  void should_agree_with_the_mapping_on_70_percent_when_the_message_is_cut_at_120_characters() {
    assertAgreement("cut at 120", 70.0);
  }

  private static void assertAgreement(String variant, double target) {
    for (Score score : SCORES.values()) {
      if (score.variant().equals(variant)) {
        assertThat(score.agreement()).as("%s %s agreement%n%s", score.taxonomy(), variant, table())
            .isGreaterThanOrEqualTo(target);
      }
    }
  }

  private static void count(Map<String, int[]> counts, String taxonomy, String variant, Category expected,
      Category actual) {
    int[] c = counts.computeIfAbsent(taxonomy + "|" + variant, k -> new int[3]);
    c[0]++;
    if (actual != Category.UNKNOWN) {
      c[1]++;
    }
    if (actual == expected) {
      c[2]++;
    }
  }

  static String table() {
    StringBuilder out = new StringBuilder("| taxonomy | variant | templates | coverage (not UNKNOWN) | agreement |\n"
        + "|---|---|---:|---:|---:|\n");
    for (Score s : SCORES.values()) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% |%n", s.taxonomy(), s.variant(),
          s.cases(), s.coverage(), s.agreement()));
    }
    return out.toString();
  }

  /** Placeholders filled with values of the kind their names suggest. */
  static String render(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(dummy(m.group(1).toLowerCase(Locale.ROOT))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String dummy(String name) {
    if (name.contains("path") || name.contains("location") || name.contains("file") || name.contains("dir")) {
      return "dbfs:/mnt/raw/orders/part-00001.parquet";
    }
    if (name.contains("table") || name.contains("relation") || name.contains("view") || name.contains("object")) {
      return "`main`.`sales`.`orders`";
    }
    if (name.contains("schema") || name.contains("database") || name.contains("namespace")) {
      return "`main`.`sales`";
    }
    if (name.contains("column") || name.contains("field") || name.contains("col") || name.contains("attr")) {
      return "`order_id`";
    }
    if (name.contains("type")) {
      return "\"INT\"";
    }
    if (name.contains("conf") || name.contains("key") || name.contains("option")) {
      return "spark.sql.shuffle.partitions";
    }
    if (name.matches(".*(count|num|size|limit|version|timeout|position|index|ms|sec|max|min|bytes|id).*")) {
      return "42";
    }
    if (name.contains("value") || name.contains("expr") || name.contains("literal")) {
      return "'N/A'";
    }
    return "x1";
  }

  /** The message as a platform hands it over. */
  private static String wrap(String message, int wrapper) {
    return switch (wrapper) {
      case 0 -> "Py4JJavaError: An error occurred while calling o123.saveAsTable.\n"
          + ": org.apache.spark.sql.AnalysisException: " + message + "\n"
          + "\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:99)";
      case 1 -> "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times,"
          + " most recent failure: Lost task 3.3 in stage 7.0 (TID 88) (10.1.2.3 executor 1): "
          + "org.apache.spark.SparkRuntimeException: " + message;
      default -> "Operation on target Load orders failed: " + message;
    };
  }

  private static Category analyse(String error) {
    return analyse(ANALYZER, error);
  }

  private static Category analyse(RuleBasedAnalyzer analyzer, String error) {
    return analyzer.analyze(Samples.databricksRun("100", error)).category();
  }
}
