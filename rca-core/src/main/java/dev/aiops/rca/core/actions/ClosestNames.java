package dev.aiops.rca.core.actions;

import dev.aiops.rca.domain.EntityKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Names a column that cannot be resolved and the listed columns closest to it. */
final class ClosestNames {

  // Formats parsed:
  // - Spark [UNRESOLVED_COLUMN.WITH_SUGGESTION] "A column, variable, or function parameter with name <objectName>
  //   cannot be resolved. Did you mean one of the following? [<proposal>]" (older: "A column or function parameter
  //   with name ..."), and UNRESOLVED_COLUMN.WITHOUT_SUGGESTION.
  // - Spark 3.3 "Column '<name>' does not exist. Did you mean one of the following? [<proposal>]".
  // - Spark legacy "cannot resolve '<name>' given input columns: [t.a, t.b]".
  // - Spark [FIELD_NOT_FOUND] "No such struct field <field> in <fields>" and its legacy form without backticks.
  // - Delta [DELTA_MISSING_COLUMN] "Cannot find <columnName> in table columns: <columnList>".
  // - SQL Server error 207 "Invalid column name '<name>'." (also ADF SqlInvalidColumnName).

  private static final Pattern UNRESOLVED = Pattern.compile(
      "with name ((?:`[^`\\r\\n]{1,200}`\\.?){1,4}) cannot be resolved\\."
          + "(?: Did you mean one of the following\\? \\[([^\\]]{0,20000})\\])?");
  private static final Pattern DOES_NOT_EXIST = Pattern.compile(
      "Column '([^'\\r\\n]{1,200})' does not exist\\. Did you mean one of the following\\? \\[([^\\]]{0,20000})\\]");
  private static final Pattern LEGACY = Pattern.compile(
      "cannot resolve '([^'\\r\\n]{1,200})' given input columns: \\[([^\\]]{0,20000})\\]");
  private static final Pattern STRUCT_FIELD = Pattern.compile(
      "No such struct field (`[^`\\r\\n]{1,200}`|\\S{1,200}) in ([^\\r\\n]{1,20000})");
  private static final Pattern DELTA_MISSING = Pattern.compile(
      "Cannot find (`[^`\\r\\n]{1,200}`|\\S{1,200}) in table columns: ([^\\r\\n]{1,20000})");
  private static final Pattern SQL_SERVER = Pattern.compile("Invalid column name '([^'\\r\\n]{1,200})'");
  private static final int TOP = 3;

  private ClosestNames() {}

  static List<String> actions(Texts texts) {
    Optional<MatchResult> m = texts.first(UNRESOLVED);
    if (m.isEmpty()) {
      m = texts.first(DOES_NOT_EXIST);
    }
    if (m.isEmpty()) {
      m = texts.first(LEGACY);
    }
    if (m.isPresent()) {
      String missing = String.join(".", Texts.nameParts(m.get().group(1)));
      String listed = m.get().group(2);
      return suggest(missing, listed == null ? List.of() : split(listed), "the input");
    }
    Optional<MatchResult> field = texts.first(STRUCT_FIELD);
    String container = "the struct";
    if (field.isEmpty()) {
      field = texts.first(DELTA_MISSING);
      container = "the table";
    }
    if (field.isPresent()) {
      String missing = Texts.trimPunctuation(field.get().group(1));
      String fields = field.get().group(2);
      int end = fields.length();
      for (String stop : new String[] {". ", ";", " SQLSTATE"}) {
        int at = fields.indexOf(stop);
        if (at >= 0) {
          end = Math.min(end, at);
        }
      }
      return suggest(missing, split(fields.substring(0, end)), container);
    }
    List<MatchResult> sql = texts.matches(SQL_SERVER, 20);
    if (!sql.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      sql.forEach(r -> names.add(r.group(1).strip()));
      List<String> tables = texts.entities(EntityKind.TABLE);
      String where = tables.isEmpty()
          ? "the table or view the statement reads"
          : "the table the statement reads (named in the evidence: " + Texts.list(tables, 2) + ")";
      return List.of("Column " + Texts.list(new ArrayList<>(names), 3) + " does not exist in " + where
          + " (SQL Server error 207): check the spelling and that the column exists in the deployed table,"
          + " or change the query.");
    }
    return List.of();
  }

  private static List<String> suggest(String missing, List<String> listed, String where) {
    if (missing.isBlank()) {
      return List.of();
    }
    if (listed.isEmpty()) {
      return List.of("Column " + Texts.q(missing) + " cannot be resolved in " + where + " and no alternatives are"
          + " listed: check its spelling and that the upstream table or DataFrame still produces it.");
    }
    List<String> closest = closest(missing, listed, TOP);
    return List.of("Column " + Texts.q(missing) + " cannot be resolved in " + where + "; the closest available"
        + (closest.size() == 1 ? " name is " : " names are ") + Texts.list(closest, TOP)
        + ": correct the reference, or add " + Texts.q(missing) + " upstream if it was dropped or renamed.");
  }

  /** The listed names ranked by case-insensitive edit distance of their last part to the missing name. */
  static List<String> closest(String missing, List<String> listed, int top) {
    String target = lastPart(missing);
    record Ranked(String name, int distance, int order) {}
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      ranked.add(new Ranked(listed.get(i), distance(target, lastPart(listed.get(i))), i));
    }
    ranked.sort(Comparator.comparingInt(Ranked::distance).thenComparingInt(Ranked::order));
    return ranked.stream().limit(top).map(Ranked::name).toList();
  }

  private static String lastPart(String name) {
    List<String> parts = Texts.nameParts(name);
    return parts.isEmpty() ? name : parts.get(parts.size() - 1);
  }

  /** Levenshtein distance, case-insensitive, over at most the first 200 characters of each name. */
  static int distance(String a, String b) {
    String s = lower(a);
    String t = lower(b);
    int[] prev = new int[t.length() + 1];
    int[] cur = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[t.length()];
  }

  private static String lower(String s) {
    String cut = s.length() > 200 ? s.substring(0, 200) : s;
    return cut.toLowerCase(Locale.ROOT);
  }

  /** Splits a printed list of names: "`a`, `b`.`c`", "t.a, t.b" or "a, b". */
  private static List<String> split(String listed) {
    List<String> names = new ArrayList<>();
    for (String raw : listed.split(",")) {
      String name = Texts.trimPunctuation(raw.strip());
      List<String> parts = Texts.nameParts(name);
      if (!parts.isEmpty()) {
        names.add(String.join(".", parts));
      }
      if (names.size() >= 500) {
        break;
      }
    }
    return names;
  }
}
