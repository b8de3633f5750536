package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the columns a Spark table write cannot place: uncastable types, missing or extra columns, a wrong count. */
final class TableWriteColumns {

  // Formats parsed:
  // - Spark [INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST] "Cannot write incompatible data for the table <t>:
  //   Cannot safely cast <col> <src> to <tgt>", legacy "Cannot safely cast 'c': string to int", CANNOT_FIND_DATA
  //   "Cannot find data for the output column <c>", EXTRA_COLUMNS "Cannot write extra columns <cols>".
  // - Spark [INSERT_COLUMN_ARITY_MISMATCH.*] "Cannot write to <t>, the reason is ...: Table columns: <cols>.
  //   Data columns: <cols>.", legacy "target table has N column(s) but the inserted data has M column(s)".

  private static final Pattern SAFE_CAST = Pattern.compile(
      "Cannot safely cast ([`'][^`'\\r\\n]{1,200}[`']|\\S{1,200}?):?\\s+\"?([A-Za-z][\\w(), ]{0,40}?)\"?"
          + "\\s+to\\s+\"?([A-Za-z][\\w(),]{0,40}?)\"?[.;\\s\\r\\n]");
  private static final Pattern INCOMPATIBLE_TABLE = Pattern.compile(
      "Cannot write incompatible data (?:for|to) (?:the )?table '?([^':\\s]{1,300})'?:");
  private static final Pattern FIND_DATA = Pattern.compile(
      "Cannot find data for (?:the )?output column [`']?([^`'\\s]{1,200})[`']?");
  private static final Pattern EXTRA_COLUMNS = Pattern.compile(
      "Cannot write extra (?:columns|fields) ((?:`[^`]{1,200}`(?:, )?){1,50})");
  private static final Pattern ARITY_LISTS = Pattern.compile(
      "Table columns: ((?:`[^`]{1,200}`(?:, )?){0,500})\\.?\\s*Data columns: ((?:`[^`]{1,200}`(?:, )?){0,500})");
  private static final Pattern ARITY_TABLE = Pattern.compile(
      "Cannot write to ('[^']{1,300}'|\\S{1,300}), the reason is");
  private static final Pattern ARITY_COUNTS = Pattern.compile(
      "(?:target )?table has (\\d{1,5}) column\\(?s?\\)? but the (?:inserted |source )?data has (\\d{1,5}) column");
  private static final Pattern COUNT_CUE = Pattern.compile("(?i)ARITY_MISMATCH|number of columns|column count");
  private static final Pattern HAS_COLUMNS = Pattern.compile(
      "(?i)\\bhas (\\d{1,5}) columns?\\b[^\\r\\n]{0,160}?\\bhas (\\d{1,5}) columns?\\b");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]{1,200})`");

  private TableWriteColumns() {}

  /** The columns a write to a table cannot cast, lacks or adds, if the texts name them. */
  static Optional<List<String>> incompatible(Texts texts) {
    String target = target(texts, INCOMPATIBLE_TABLE);
    List<MatchResult> casts = texts.matches(SAFE_CAST, 3);
    if (!casts.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (MatchResult c : casts) {
        String column = Texts.trimPunctuation(c.group(1));
        String from = c.group(2).strip();
        String to = c.group(3).strip();
        String sentence = "Column " + Texts.q(column) + " arrives as " + from + " but " + target + " declares "
            + to + ": cast it in the writer (`CAST(" + column.replace("`", "") + " AS " + to
            + ")` or `try_cast`) or change the table's type deliberately.";
        if (!out.contains(sentence)) {
          out.add(sentence);
        }
      }
      return Optional.of(out);
    }
    Optional<MatchResult> missing = texts.first(FIND_DATA);
    if (missing.isPresent()) {
      return Optional.of(List.of("The data being written has no column " + Texts.q(missing.get().group(1))
          + " that " + target + " requires: add it to the writer's select (or a NULL cast to its type)."));
    }
    Optional<MatchResult> extra = texts.first(EXTRA_COLUMNS);
    if (extra.isPresent()) {
      List<String> names = backticked(extra.get().group(1));
      return Optional.of(List.of("The data being written has " + Texts.list(names, 6) + " that " + target
          + " does not have: drop them from the writer's select, or add them to the table deliberately"
          + " (`ALTER TABLE ... ADD COLUMNS` or schema evolution with `mergeSchema`)."));
    }
    return Optional.empty();
  }

  /** The columns by which a write's column count differs from its table's, if the texts say so. */
  static Optional<List<String>> arity(Texts texts) {
    String target = target(texts, ARITY_TABLE);
    Optional<MatchResult> lists = texts.first(ARITY_LISTS);
    if (lists.isPresent()) {
      List<String> tableColumns = backticked(lists.get().group(1));
      List<String> dataColumns = backticked(lists.get().group(2));
      List<String> extra = without(dataColumns, tableColumns);
      List<String> missing = without(tableColumns, dataColumns);
      StringBuilder s = new StringBuilder("The data has " + dataColumns.size() + " columns but " + target + " has "
          + tableColumns.size());
      if (!extra.isEmpty()) {
        s.append("; the data adds ").append(Texts.list(extra, 6));
      }
      if (!missing.isEmpty()) {
        s.append("; the data lacks ").append(Texts.list(missing, 6));
      }
      s.append(": select exactly the table's columns, or name the target columns in the INSERT.");
      return Optional.of(List.of(s.toString()));
    }
    Optional<MatchResult> counts = texts.first(ARITY_COUNTS);
    if (counts.isPresent()) {
      return Optional.of(List.of("The data has " + counts.get().group(2) + " columns but " + target + " has "
          + counts.get().group(1) + ": select exactly the table's columns in order, or name the target columns"
          + " in the INSERT."));
    }
    Optional<MatchResult> either = texts.has(COUNT_CUE) ? texts.first(HAS_COLUMNS) : Optional.empty();
    if (either.isPresent()) {
      // This wording does not say which side is the table, so both counts are given without claiming one.
      return Optional.of(List.of("The column counts of the data and " + target + " differ (" + either.get().group(1)
          + " against " + either.get().group(2) + "): select exactly the table's columns in order, or map the"
          + " columns explicitly."));
    }
    return Optional.empty();
  }

  /** The table the first match of {@code tableName} names, for a sentence: "table `db.t`" or "the target table". */
  private static String target(Texts texts, Pattern tableName) {
    String table = texts.first(tableName).map(m -> Texts.trimPunctuation(m.group(1))).orElse("");
    return table.isEmpty() ? "the target table" : "table " + Texts.q(String.join(".", Texts.nameParts(table)));
  }

  private static List<String> backticked(String s) {
    List<String> names = new ArrayList<>();
    Matcher m = BACKTICKED.matcher(s);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> without(List<String> names, List<String> others) {
    var lower = Texts.lowerSet(others);
    return names.stream().filter(n -> !lower.contains(n.toLowerCase(Locale.ROOT))).toList();
  }
}
