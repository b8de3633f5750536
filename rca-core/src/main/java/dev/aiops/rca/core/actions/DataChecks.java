package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Names the constraint or cast a bad value broke, with the column and the value's type, and never the value: values
 * can be personal data, so no capture group here ever spans one.
 */
final class DataChecks {

  // Formats parsed:
  // - Spark [CAST_INVALID_INPUT] "The value <expression> of the type <sourceType> cannot be cast to <targetType>
  //   because it is malformed", with the "== SQL (line n, position m) ==" fragment "CAST(<col> AS <type>)".
  // - Delta [DELTA_NOT_NULL_CONSTRAINT_VIOLATED] "NOT NULL constraint violated for column: <columnName>.".
  // - Delta [DELTA_VIOLATE_CONSTRAINT_WITH_VALUES] "CHECK constraint <name> <expr> violated by row with values:
  //   - <col> : <value>" (only the column names before " : " are read).
  // - Delta [DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE] "Cannot perform Merge as multiple source rows
  //   matched and attempted to modify the same target row in the Delta table".
  // - SQL Server 515 "Cannot insert the value NULL into column '<c>', table '<t>'", ADF "Column '<c>' does not allow
  //   DBNull.Value.", 2627 "Violation of PRIMARY KEY constraint '<pk>'. Cannot insert duplicate key in object '<t>'.",
  //   2601 "Cannot insert duplicate key row in object '<t>' with unique index '<ix>'", 2628 "String or binary data
  //   would be truncated in table '<t>', column '<c>'.".
  // - Synapse PolyBase 107090 "Query aborted-- the maximum reject threshold (<n> rows) was reached ... <r> rows
  //   rejected out of total <t> rows processed", "Column ordinal: <n>, Expected data type: <type>".

  private static final Pattern CAST_INVALID = Pattern.compile(
      "of the type \"(\\w{1,40})\" cannot be cast to \"([\\w(), ]{1,60})\"");
  private static final Pattern CAST_SQL = Pattern.compile(
      "(?i)\\b(?:try_)?CAST\\(\\s*([\\w.`]{1,200})\\s+AS\\s+([\\w]{1,40}(?:\\([0-9, ]{1,20}\\))?)\\s*\\)");
  private static final Pattern NOT_NULL = Pattern.compile(
      "NOT NULL constraint violated for column: ([^\\s.]{1,200}(?:\\.[^\\s.]{1,200})*)");
  private static final Pattern CHECK = Pattern.compile("CHECK constraint (\\S{1,200}) \\(");
  private static final Pattern CHECK_COLUMNS = Pattern.compile("(?m)^\\s*- ([\\w.`]{1,200}) : ");
  private static final Pattern MERGE_DUPLICATES = Pattern.compile(
      "(?i)DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE|multiple source rows matched and attempted to"
          + " (?:update|modify)");
  private static final Pattern MERGE_TARGET = Pattern.compile(
      "(?i)MERGE INTO ([\\w.`]{1,300})|DeltaTable\\.for(?:Name|Path)\\(\\s*(?:spark\\s*,\\s*)?[\"']([^\"']{1,300})[\"']");
  private static final Pattern MERGE_KEY = Pattern.compile(
      "\\b[A-Za-z_]\\w{0,30}\\.([A-Za-z_]\\w{0,100})\\s*={1,2}\\s*[A-Za-z_]\\w{0,30}\\.([A-Za-z_]\\w{0,100})\\b");
  private static final Pattern INSERT_NULL = Pattern.compile(
      "Cannot insert the value NULL into column '([^'\\r\\n]{1,200})', table '([^'\\r\\n]{1,300})'");
  private static final Pattern DBNULL = Pattern.compile("Column '([^'\\r\\n]{1,200})' does not allow DBNull\\.Value");
  private static final Pattern PRIMARY_KEY = Pattern.compile(
      "Violation of (PRIMARY KEY|UNIQUE KEY) constraint '([^'\\r\\n]{1,200})'\\. Cannot insert duplicate key in object"
          + " '([^'\\r\\n]{1,300})'");
  private static final Pattern UNIQUE_INDEX = Pattern.compile(
      "Cannot insert duplicate key row in object '([^'\\r\\n]{1,300})' with unique index '([^'\\r\\n]{1,200})'");
  private static final Pattern TRUNCATED = Pattern.compile(
      "String or binary data would be truncated in table '([^'\\r\\n]{1,300})', column '([^'\\r\\n]{1,200})'");
  private static final Pattern TRUNCATED_PLAIN = Pattern.compile("String or binary data would be truncated");
  private static final Pattern REJECT = Pattern.compile(
      "maximum reject threshold \\((\\d{1,12}) rows?\\) was reached.{0,300}?(\\d{1,12}) rows? rejected out of total"
          + " (\\d{1,12}) rows? processed", Pattern.DOTALL);
  private static final Pattern REJECT_COLUMN = Pattern.compile(
      "Column ordinal: (\\d{1,5}), Expected data type: ([\\w]{1,40}(?:\\([0-9, ]{1,20}\\))?)");

  private DataChecks() {}

  static List<String> actions(Texts texts) {
    List<String> out = new ArrayList<>();
    texts.first(CAST_INVALID).ifPresent(m -> out.add(cast(texts, m.group(1), m.group(2).strip())));
    texts.first(NOT_NULL).ifPresent(m -> out.add("Rows with NULL in " + Texts.q(Texts.trimPunctuation(m.group(1)))
        + " break its NOT NULL constraint: filter or default them (`coalesce`) before writing, or find why the"
        + " upstream source now sends NULLs."));
    texts.first(CHECK).ifPresent(m -> out.add(check(texts, Texts.trimPunctuation(m.group(1)))));
    if (texts.has(MERGE_DUPLICATES)) {
      out.add(mergeDuplicates(texts));
    }
    texts.first(INSERT_NULL).ifPresent(m -> out.add("Source rows carry NULL for " + Texts.q(m.group(1))
        + ", which table " + Texts.q(m.group(2)) + " declares NOT NULL: filter or default them upstream, or map a"
        + " non-empty source column to it."));
    texts.first(DBNULL).ifPresent(m -> out.add("Source rows carry NULL for " + Texts.q(m.group(1)) + ", which the"
        + " sink declares NOT NULL: filter or default them upstream, check the column mapping, or enable fault"
        + " tolerance to skip and log such rows."));
    texts.first(PRIMARY_KEY).ifPresent(m -> out.add("The load inserts keys that already exist in "
        + Texts.q(m.group(3)) + " (" + m.group(1) + " constraint " + Texts.q(m.group(2)) + "): deduplicate the source"
        + " on the key, or upsert instead of insert."));
    if (out.stream().noneMatch(a -> a.contains("deduplicate"))) {
      texts.first(UNIQUE_INDEX).ifPresent(m -> out.add("The load inserts keys that already exist in "
          + Texts.q(m.group(1)) + " (unique index " + Texts.q(m.group(2)) + "): deduplicate the source on the indexed"
          + " columns, or upsert instead of insert."));
    }
    Optional<MatchResult> truncated = texts.first(TRUNCATED);
    if (truncated.isPresent()) {
      out.add("Some values for " + Texts.q(truncated.get().group(2)) + " are longer than its column in "
          + Texts.q(truncated.get().group(1)) + " allows: widen the column, or trim or reject the long values"
          + " upstream.");
    } else if (texts.has(TRUNCATED_PLAIN)) {
      out.add("Some values are longer than their target column allows (SQL Server 8152/2628): compare the source"
          + " column lengths with the sink table and widen the column or trim the values upstream.");
    }
    texts.first(REJECT).ifPresent(m -> out.add(reject(texts, m)));
    return out;
  }

  private static String cast(Texts texts, String from, String to) {
    Optional<MatchResult> fragment = texts.first(CAST_SQL);
    if (fragment.isPresent()) {
      String column = fragment.get().group(1).replace("`", "");
      String expression = "CAST(" + column + " AS " + fragment.get().group(2) + ")";
      return "A " + from + " value in column " + Texts.q(column) + " (from " + Texts.q(expression)
          + ") is malformed for " + to + ": use `try_cast(" + column + " AS " + fragment.get().group(2)
          + ")` to turn such values into NULL, or clean the column upstream.";
    }
    return "A " + from + " value is malformed for " + to + " in a cast: use `try_cast` to turn such values into NULL,"
        + " or clean the column upstream.";
  }

  private static String check(Texts texts, String constraint) {
    Set<String> columns = new LinkedHashSet<>();
    texts.matches(CHECK_COLUMNS, 10).forEach(m -> columns.add(m.group(1).replace("`", "")));
    String on = columns.isEmpty() ? "" : " on " + Texts.list(new ArrayList<>(columns), 4);
    return "Rows violate CHECK constraint " + Texts.q(constraint) + on + ": filter or fix those rows before"
        + " writing, or relax the constraint (`ALTER TABLE ... DROP CONSTRAINT`) if they are valid.";
  }

  private static String mergeDuplicates(Texts texts) {
    String target = texts.first(MERGE_TARGET).map(m -> m.group(1) != null ? m.group(1) : m.group(2))
        .map(t -> " into " + Texts.q(t)).orElse("");
    Optional<String> key = texts.matches(MERGE_KEY, 20).stream()
        .filter(m -> m.group(1).equalsIgnoreCase(m.group(2))).map(m -> m.group(1)).findFirst();
    return "Several source rows match the same target row in the MERGE" + target + ": deduplicate the source"
        + key.map(k -> " on " + Texts.q(k)).orElse(" on the merge key")
        + " before merging (e.g. keep the latest row per key with `row_number()`).";
  }

  private static String reject(Texts texts, MatchResult m) {
    String column = texts.first(REJECT_COLUMN).map(c -> " at column ordinal " + c.group(1) + ", which expects "
        + c.group(2) + ",").orElse("");
    return "PolyBase rejected " + m.group(2) + " of " + m.group(3) + " rows" + column + " against a reject threshold"
        + " of " + m.group(1) + " rows: fix the source values for that column type, or raise the copy's"
        + " `rejectValue` or load without PolyBase to see the rows.";
  }
}
