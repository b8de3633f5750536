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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The signature catalogue: documented codes, error classes and messages mapped to categories and actions, plus
 * the wrappers to look through and the lines that never state a cause. Loaded from a tab-separated resource whose
 * format is described in {@code docs/CATALOGUE.md}; immutable and thread-safe.
 */
public final class Catalogue {

  static final String RESOURCE = "/dev/aiops/rca/core/analysis/catalogue.tsv";

  // Wrappers are peeled at most this many times per line, so a pathological line cannot loop.
  private static final int MAX_UNWRAPS = 12;

  private final List<CatalogueEntry> texts;
  private final List<CatalogueEntry> codes;
  private final List<CatalogueEntry> wrappers;
  private final List<CatalogueEntry> noise;

  private Catalogue(List<CatalogueEntry> entries) {
    this.texts = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.TEXT).toList();
    this.codes = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.CODE).toList();
    this.wrappers = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.WRAP).toList();
    this.noise = entries.stream().filter(e -> e.kind() == CatalogueEntry.Kind.NOISE).toList();
  }

  /** The catalogue shipped with the product. */
  public static Catalogue defaultCatalogue() {
    try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource missing: " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses catalogue lines; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line when a line is malformed
   */
  public static Catalogue parse(List<String> lines) {
    List<CatalogueEntry> entries = new ArrayList<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 6) {
        throw new IllegalArgumentException(
            "catalogue line " + number + ": expected 6 tab-separated columns, found " + cols.length);
      }
      try {
        entries.add(entry(cols));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("catalogue line " + number + " (" + cols[0] + "): " + e.getMessage(), e);
      }
    }
    return new Catalogue(entries);
  }

  private static CatalogueEntry entry(String[] cols) {
    CatalogueEntry.Kind kind = CatalogueEntry.Kind.valueOf(cols[1].strip().toUpperCase(Locale.ROOT));
    Pattern pattern;
    try {
      pattern = kind == CatalogueEntry.Kind.CODE
          ? Pattern.compile(Pattern.quote(cols[2].strip()))
          : Pattern.compile(cols[2], kind == CatalogueEntry.Kind.WRAP ? 0 : Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad pattern: " + e.getDescription(), e);
    }
    if (kind == CatalogueEntry.Kind.WRAP && !cols[2].contains("(?<inner>")) {
      throw new IllegalArgumentException("a wrap pattern needs a group named inner");
    }
    boolean classifies = kind == CatalogueEntry.Kind.TEXT || kind == CatalogueEntry.Kind.CODE;
    Category category = classifies ? Category.valueOf(cols[3].strip()) : Category.UNKNOWN;
    int priority = classifies ? Integer.parseInt(cols[4].strip()) : 0;
    List<String> actions = classifies
        ? Arrays.stream(cols[5].split(" \\| ")).map(String::strip).filter(a -> !a.isEmpty()).toList()
        : List.of();
    return new CatalogueEntry(cols[0].strip(), kind, pattern, category, priority, actions);
  }

  /** The text entry with the highest priority that occurs in the statement, if any. */
  Optional<CatalogueEntry> bestTextMatch(String statement) {
    CatalogueEntry best = null;
    for (CatalogueEntry entry : texts) {
      if ((best == null || entry.priority() > best.priority()) && entry.pattern().matcher(statement).find()) {
        best = entry;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The code entry for a platform code, if any. */
  Optional<CatalogueEntry> codeMatch(String code) {
    return codes.stream().filter(e -> e.pattern().matcher(code).matches()).findFirst();
  }

  /** The entry with this id, if the catalogue has one. */
  Optional<CatalogueEntry> entry(String id) {
    return java.util.stream.Stream.of(texts, codes).flatMap(List::stream).filter(e -> e.id().equals(id)).findFirst();
  }

  boolean isNoise(String line) {
    return noise.stream().anyMatch(e -> e.pattern().matcher(line).find());
  }

  /** A line with its wrappers peeled off: the innermost text and the inner task names the wrappers named. */
  record Unwrapped(String inner, int depth, List<String> innerTasks) {}

  /** Peels the known wrappers off a line; the inner text is empty when the line is nothing but a wrapper. */
  Unwrapped unwrap(String line) {
    String text = line.strip();
    int depth = 0;
    List<String> tasks = new ArrayList<>();
    boolean peeled = true;
    while (peeled && depth < MAX_UNWRAPS && !text.isEmpty()) {
      peeled = false;
      for (CatalogueEntry wrapper : wrappers) {
        Matcher m = wrapper.pattern().matcher(text);
        if (m.find()) {
          if (hasGroup(wrapper, "task") && m.group("task") != null) {
            tasks.add(m.group("task").strip());
          }
          text = m.group("inner") == null ? "" : m.group("inner").strip();
          depth++;
          peeled = true;
          break;
        }
      }
    }
    return new Unwrapped(text, depth, tasks);
  }

  private static boolean hasGroup(CatalogueEntry entry, String name) {
    return entry.pattern().pattern().contains("(?<" + name + ">");
  }

  /** Number of entries by kind, for diagnostics and tests. */
  int size() {
    return texts.size() + codes.size() + wrappers.size() + noise.size();
  }
}
