package dev.aiops.rca.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of every pinned catalogue maps to a category or sits on an explicit "no category" row, and the
 * mapping of every entry is the one reviewed in {@code reviewed/<catalogue>.tsv}. A catalogue upgrade that adds
 * entries, or a mapping change that moves one, fails here until the reviewed files are regenerated
 * ({@code -Drca.taxonomy.update=true}) and the diff is read.
 */
class CatalogueCompletenessTest {

  private static final Path REVIEWED = Path.of("src/test/resources/dev/aiops/rca/core/classify/reviewed");
  private static final boolean UPDATE = Boolean.getBoolean("rca.taxonomy.update");

  private static final Map<String, String> COVERAGE = new LinkedHashMap<>();

  private final Taxonomy taxonomy = Classifier.standard().taxonomy();

  @AfterAll
  static void writeCoverage() throws IOException {
    StringBuilder table = new StringBuilder("| catalogue | entries | mapped to a category | deliberately none | gaps |\n"
        + "|---|---:|---:|---:|---:|\n");
    COVERAGE.values().forEach(table::append);
    if (Boolean.getBoolean("rca.docs.update")) {
      DocsSection.replace(Path.of("../docs/CLASSIFICATION.md"), "completeness", table.toString());
    }
  }

  /** One catalogue: its entries and how each maps (empty: no table has a row for it). */
  private record Catalogue(String name, List<String> entries, Function<String, Optional<String>> mapping) {}

  @TestFactory
  Stream<DynamicTest> should_map_every_entry_of_every_pinned_catalogue_as_reviewed() {
    return catalogues().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(Catalogue catalogue) throws IOException {
    Map<String, String> mapped = new TreeMap<>();
    List<String> gaps = new ArrayList<>();
    for (String entry : catalogue.entries()) {
      Optional<String> row = catalogue.mapping().apply(entry);
      if (row.isEmpty()) {
        gaps.add(entry);
      } else {
        mapped.put(entry, row.get());
      }
    }
    long none = mapped.values().stream().filter("NONE"::equals).count();
    COVERAGE.put(catalogue.name(), String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", catalogue.name(),
        catalogue.entries().size(), mapped.size() - none, none, gaps.size()));
    assertThat(gaps).as("entries of %s that no mapping table covers", catalogue.name()).isEmpty();
    assertThat(catalogue.entries()).as(catalogue.name()).isNotEmpty();
    Path file = REVIEWED.resolve(catalogue.name() + ".tsv");
    List<String> lines = new ArrayList<>();
    mapped.forEach((entry, category) -> lines.add(entry + "\t" + category));
    if (UPDATE) {
      Files.createDirectories(REVIEWED);
      Files.write(file, lines, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("reviewed mapping of %s (run with -Drca.taxonomy.update=true)", catalogue.name()).exists();
    Map<String, String> reviewed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t", -1);
      reviewed.put(cols[0], cols[1]);
    }
    List<String> unreviewed = mapped.keySet().stream().filter(e -> !reviewed.containsKey(e)).toList();
    assertThat(unreviewed).as("new entries of %s: review their categories, then regenerate %s", catalogue.name(),
        file).isEmpty();
    List<String> moved = mapped.entrySet().stream().filter(e -> !e.getValue().equals(reviewed.get(e.getKey())))
        .map(e -> e.getKey() + ": " + reviewed.get(e.getKey()) + " -> " + e.getValue()).toList();
    assertThat(moved).as("entries of %s whose category moved", catalogue.name()).isEmpty();
  }

  private List<Catalogue> catalogues() {
    List<Catalogue> all = new ArrayList<>();
    for (String taxonomyName : List.of("spark", "delta")) {
      List<String> names = taxonomy.conditions().all().stream()
          .filter(c -> c.taxonomy().equals(taxonomyName)).map(Condition::name).toList();
      all.add(new Catalogue(taxonomyName + "-error-conditions", names, name -> taxonomy.conditions().get(name)
          .flatMap(c -> taxonomy.conditionMapping().of(c)).map(m -> label(m.category()))));
    }
    all.add(codes("databricks-cluster-termination-codes", "databricks-cluster-termination"));
    all.add(codes("databricks-job-termination-codes", "databricks-job-termination"));
    all.add(codes("databricks-error-codes", "databricks-error-codes"));
    all.add(codes("databricks-job-termination-types", "databricks-termination-types"));
    all.add(codes("databricks-cluster-termination-types", "databricks-termination-types"));
    all.add(new Catalogue("adf-error-codes", firstColumn("adf-error-codes"),
        code -> taxonomy.identifiers().adfRow(code).map(row -> label(row.category()))));
    all.add(codes("azure-storage-error-codes", "cloud-codes"));
    all.add(new Catalogue("sqlstate-classes", firstColumn("sqlstate-classes"),
        cls -> taxonomy.sqlStates().of(cls + "000").map(m -> label(m.row().category()))));
    all.add(new Catalogue("sqlstates", firstColumn("sqlstates"),
        state -> taxonomy.sqlStates().of(state).map(m -> label(m.row().category()))));
    MappingTable http = MappingTable.load("http-statuses");
    all.add(new Catalogue("http-statuses", httpNames(), spelling -> {
      String code = spelling.substring(0, 3);
      return http.exact(code).or(() -> http.exact(code.charAt(0) + "xx")).map(row -> label(row.category()));
    }));
    all.add(new Catalogue("tls-alerts", TabSeparated.catalogue("tls-alerts").stream().map(r -> r.get(1)).toList(),
        name -> Classifier.standard().classify("javax.net.ssl.SSLHandshakeException: Received fatal alert: " + name)
            .map(v -> v.category().name())));
    return all;
  }

  private Catalogue codes(String catalogue, String table) {
    MappingTable mapping = MappingTable.load(table);
    return new Catalogue(catalogue, firstColumn(catalogue), code -> mapping.lookup(code).map(r -> label(r.category())));
  }

  /** Each status as "number", "number reason phrase" and "number .NET name", so that names are covered too. */
  private static List<String> httpNames() {
    List<String> names = new ArrayList<>();
    for (TabSeparated.Row row : TabSeparated.catalogue("http-statuses")) {
      names.add(row.get(0));
      names.add(row.get(0) + " " + row.get(1));
      if (row.size() > 3 && !row.get(3).isBlank()) {
        for (String dotnet : row.get(3).split(",")) {
          names.add(row.get(0) + " " + dotnet.strip());
        }
      }
    }
    return names.stream().distinct().toList();
  }

  private static List<String> firstColumn(String catalogue) {
    return TabSeparated.catalogue(catalogue).stream().map(r -> r.get(0)).distinct().toList();
  }

  private static String label(Optional<Category> category) {
    return category.map(c -> c.name()).orElse("NONE").toUpperCase(Locale.ROOT);
  }
}
