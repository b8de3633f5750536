package dev.aiops.rca.core.analysis;

import dev.aiops.rca.core.classify.TabSeparated;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The wrappers to look through and the lines that never state a cause, loaded from a tab-separated resource whose
 * format is described in {@code docs/CATALOGUE.md}; immutable and thread-safe. Categories are the classifier's
 * ({@code dev.aiops.rca.core.classify}); actions are {@link ActionRules}'.
 */
public final class Catalogue {

  static final String RESOURCE = "/dev/aiops/rca/core/analysis/catalogue.tsv";
  private static final int COLUMNS = 6;

  // Wrappers are peeled at most this many times per line, so a pathological line cannot loop.
  private static final int MAX_UNWRAPS = 12;

  private final List<CatalogueEntry> wrappers;
  private final List<CatalogueEntry> noise;

  private Catalogue(List<CatalogueEntry> entries) {
    this.wrappers = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.WRAP).toList();
    this.noise = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.NOISE).toList();
  }

  /** The catalogue shipped with the product. */
  public static Catalogue defaultCatalogue() {
    return of(TabSeparated.resource(RESOURCE, COLUMNS));
  }

  /**
   * Parses catalogue lines; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line when a line is malformed
   */
  public static Catalogue parse(List<String> lines) {
    return of(TabSeparated.parse("catalogue", lines, COLUMNS));
  }

  private static Catalogue of(List<TabSeparated.Row> rows) {
    List<CatalogueEntry> entries = new ArrayList<>();
    for (TabSeparated.Row row : rows) {
      try {
        entries.add(entry(row));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("catalogue line " + row.line() + " (" + row.get(0) + "): "
            + e.getMessage(), e);
      }
    }
    return new Catalogue(entries);
  }

  private static CatalogueEntry entry(TabSeparated.Row cols) {
    CatalogueEntry.Kind kind = CatalogueEntry.Kind.valueOf(cols.get(1).strip().toUpperCase(Locale.ROOT));
    Pattern pattern;
    try {
      pattern = Pattern.compile(cols.get(2), kind == CatalogueEntry.Kind.WRAP ? 0 : Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad pattern: " + e.getDescription(), e);
    }
    if (kind == CatalogueEntry.Kind.WRAP && !cols.get(2).contains("(?<inner>")) {
      throw new IllegalArgumentException("a wrap pattern needs a group named inner");
    }
    return new CatalogueEntry(cols.get(0).strip(), kind, pattern);
  }

  boolean isNoise(String line) {
    return noise.stream().anyMatch(e -> e.pattern().matcher(line).find());
  }

  /**
   * A line with its wrappers peeled off: the innermost text, the inner task names the wrappers named, and the
   * text the wrappers took away (it may carry a code, as in {@code Sql error number: 208. Error Message: ...}).
   */
  record Unwrapped(String inner, int depth, List<String> innerTasks, String peeled) {}

  /** Peels the known wrappers off a line; the inner text is empty when the line is nothing but a wrapper. */
  Unwrapped unwrap(String line) {
    String text = line.strip();
    int depth = 0;
    List<String> tasks = new ArrayList<>();
    StringBuilder removed = new StringBuilder();
    boolean peeled = true;
    while (peeled && depth < MAX_UNWRAPS && !text.isEmpty()) {
      peeled = false;
      for (CatalogueEntry wrapper : wrappers) {
        Matcher m = wrapper.pattern().matcher(text);
        if (m.find()) {
          if (hasGroup(wrapper, "task") && m.group("task") != null) {
            tasks.add(m.group("task").strip());
          }
          String inner = m.group("inner") == null ? "" : m.group("inner");
          removed.append(text, 0, m.start("inner") < 0 ? text.length() : m.start("inner")).append(' ');
          text = inner.strip();
          depth++;
          peeled = true;
          break;
        }
      }
    }
    return new Unwrapped(text, depth, tasks, removed.toString().strip());
  }

  private static boolean hasGroup(CatalogueEntry entry, String name) {
    return entry.pattern().pattern().contains("(?<" + name + ">");
  }

  /** Number of entries by kind, for diagnostics and tests. */
  int size() {
    return wrappers.size() + noise.size();
  }
}
