package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the columns that differ between the schema a write brings and the schema its target has. */
final class SchemaDiff {

  // Formats parsed:
  // - Delta "A schema mismatch detected when writing to the Delta table ..." (DeltaErrors.schemaChangedException,
  //   _LEGACY_ERROR_TEMP_DELTA_0007), which prints "Table schema:" and "Data schema:" as StructType.treeString:
  //   "root", then " |-- name: type (nullable = true)", nested " |    |-- x: type". Delta's stripMargin can eat the
  //   first pipe ("-- name: type"), and some logs join the lines, so depth is counted relative to the shallowest field.
  // - Delta [DELTA_FAILED_TO_MERGE_FIELDS] "Failed to merge fields '<currentField>' and '<updateField>'" with
  //   [DELTA_MERGE_INCOMPATIBLE_DATATYPE] "Failed to merge incompatible data types <currentType> and <updateType>".
  // - Spark "Parquet column cannot be converted in file <path>. Column: [<column>], Expected: <type>, Found: <type>"
  //   (FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH and its legacy form).
  // - Spark [INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST] "Cannot write incompatible data for the table <t>:
  //   Cannot safely cast <col> <src> to <tgt>", legacy "Cannot safely cast 'c': string to int", CANNOT_FIND_DATA
  //   "Cannot find data for the output column <c>", EXTRA_COLUMNS "Cannot write extra columns <cols>".
  // - Spark [INSERT_COLUMN_ARITY_MISMATCH.*] "Cannot write to <t>, the reason is ...: Table columns: <cols>.
  //   Data columns: <cols>.", legacy "target table has N column(s) but the inserted data has M column(s)".

  private static final Pattern TABLE_SCHEMA = Pattern.compile("Table schema:");
  private static final Pattern DATA_SCHEMA = Pattern.compile("Data schema:");
  private static final Pattern FIELD = Pattern.compile(
      "((?:\\|[ \\t]*)*)--[ \\t]+([^:\\r\\n|]{1,200}?):[ \\t]*([A-Za-z_]\\w{0,40}(?:\\([0-9, ]{1,20}\\))?)");
  // Between tree lines only the nullability notes, "root", whitespace and escaped line breaks (logs that print the
  // message JSON-escaped) may appear; anything else ends the tree.
  private static final Pattern TREE_NOISE = Pattern.compile(
      "\\(\\w+ = (?:true|false)\\)|(?:\\b|(?<=\\\\[nrt]))root\\b|\\s+|\\\\[nrt]");
  private static final int SECTION_LIMIT = 64 * 1024;

  private static final Pattern MERGE_FIELDS = Pattern.compile(
      "Failed to merge fields '([^']{1,200})' and '([^']{1,200})'");
  private static final Pattern MERGE_TYPES = Pattern.compile(
      "Failed to merge incompatible data types (\\w{1,40}(?:\\([0-9, ]{1,20}\\))?) and (\\w{1,40}(?:\\([0-9, ]{1,20}\\))?)");
  private static final Pattern PARQUET = Pattern.compile(
      "Parquet column cannot be converted in (?:the )?file (\\S{1,2000}?)\\.?\\s+Column: \\[?([^\\],\\r\\n]{1,200}?)\\]?,"
          + " Expected: ([^,\\r\\n]{1,60}), Found: ([\\w()]{1,60})");
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

  private SchemaDiff() {}

  /** One field of a printed schema tree, by its dotted path. */
  private record Field(String path, String type) {}

  static List<String> actions(Texts texts) {
    for (String text : texts.all()) {
      List<String> tree = treeDiff(text);
      if (!tree.isEmpty()) {
        return tree;
      }
    }
    List<String> out = new ArrayList<>();
    mergeFields(texts).ifPresent(out::addAll);
    if (out.isEmpty()) {
      parquet(texts).ifPresent(out::addAll);
    }
    if (out.isEmpty()) {
      incompatible(texts).ifPresent(out::addAll);
    }
    if (out.isEmpty()) {
      arity(texts).ifPresent(out::addAll);
    }
    return out;
  }

  private static List<String> treeDiff(String text) {
    int tableAt = indexOf(TABLE_SCHEMA, text);
    int dataAt = indexOf(DATA_SCHEMA, text);
    if (tableAt < 0 || dataAt < 0) {
      return List.of();
    }
    int tableEnd = dataAt > tableAt ? dataAt : text.length();
    int dataEnd = tableAt > dataAt ? tableAt : text.length();
    Map<String, Field> table = tree(text, tableAt + "Table schema:".length(), tableEnd);
    Map<String, Field> data = tree(text, dataAt + "Data schema:".length(), dataEnd);
    if (table.isEmpty() || data.isEmpty()) {
      return List.of();
    }
    List<String> added = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    List<String> retypedNames = new ArrayList<>();
    for (Map.Entry<String, Field> e : data.entrySet()) {
      Field t = table.get(e.getKey());
      if (t == null) {
        if (parentPresent(e.getKey(), table)) {
          added.add(e.getValue().path());
        }
      } else if (!t.type().equalsIgnoreCase(e.getValue().type())) {
        retyped.add(Texts.q(t.path()) + " from " + t.type() + " to " + e.getValue().type());
        retypedNames.add(t.path());
      }
    }
    for (Map.Entry<String, Field> e : table.entrySet()) {
      if (!data.containsKey(e.getKey()) && parentPresent(e.getKey(), data)) {
        missing.add(e.getValue().path());
      }
    }
    if (added.isEmpty() && missing.isEmpty() && retyped.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("adds " + Texts.list(added, 6) + " that the table lacks");
    }
    if (!missing.isEmpty()) {
      parts.add("lacks the table's " + Texts.list(missing, 6));
    }
    if (!retyped.isEmpty()) {
      parts.add("changes the type of " + String.join(", ", retyped.subList(0, Math.min(4, retyped.size())))
          + (retyped.size() > 4 ? " and " + (retyped.size() - 4) + " more" : ""));
    }
    List<String> out = new ArrayList<>();
    out.add("Compared with the Delta table's schema, the data being written " + joinClauses(parts) + ".");
    if (!added.isEmpty() || !missing.isEmpty()) {
      out.add("Align the writer's schema with the table (select and cast to the table's columns), or, if "
          + (added.isEmpty() ? "the change" : Texts.list(added, 3)) + " is intended, enable schema evolution"
          + " deliberately with `.option(\"mergeSchema\", \"true\")` on this write or"
          + " `spark.databricks.delta.schema.autoMerge.enabled=true` for MERGE.");
    }
    if (!retyped.isEmpty()) {
      out.add("Cast " + Texts.list(retypedNames, 3) + " back to the table's type before writing, or, if the new type"
          + " is intended, rewrite the table with `.option(\"overwriteSchema\", \"true\")` in overwrite mode"
          + " (mergeSchema cannot change an existing column's type).");
    }
    return out;
  }

  private static String joinClauses(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private static int indexOf(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.start() : -1;
  }

  private static boolean parentPresent(String key, Map<String, Field> other) {
    int dot = key.lastIndexOf('.');
    return dot < 0 || other.containsKey(key.substring(0, dot));
  }

  /** The fields of the schema tree printed from {@code from}, stopping at the first text that is not tree. */
  private static Map<String, Field> tree(String text, int from, int to) {
    int end = Math.min(to, from + SECTION_LIMIT);
    Matcher m = FIELD.matcher(text).region(from, end);
    List<int[]> depths = new ArrayList<>();
    List<String[]> raw = new ArrayList<>();
    int last = from;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      if (!TREE_NOISE.matcher(gap).replaceAll("").isEmpty()) {
        break;
      }
      int pipes = (int) m.group(1).chars().filter(c -> c == '|').count();
      depths.add(new int[] {pipes});
      raw.add(new String[] {m.group(2).strip(), m.group(3).strip()});
      last = m.end();
    }
    int min = depths.stream().mapToInt(d -> d[0]).min().orElse(0);
    Map<String, Field> fields = new LinkedHashMap<>();
    List<String> stack = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      int depth = depths.get(i)[0] - min;
      while (stack.size() > depth) {
        stack.remove(stack.size() - 1);
      }
      if (stack.size() < depth) {
        // A jump of more than one level means the tree is malformed; keep what was read so far.
        break;
      }
      stack.add(raw.get(i)[0]);
      String path = String.join(".", stack);
      fields.putIfAbsent(path.toLowerCase(Locale.ROOT), new Field(path, raw.get(i)[1]));
    }
    return fields;
  }

  private static Optional<List<String>> mergeFields(Texts texts) {
    Optional<MatchResult> fields = texts.first(MERGE_FIELDS);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    String column = fields.get().group(1);
    Optional<MatchResult> types = texts.first(MERGE_TYPES);
    if (types.isEmpty()) {
      return Optional.of(List.of("Column " + Texts.q(column) + " has incompatible types in the Delta table and in"
          + " the data being written: cast it in the writer to the table's type before writing."));
    }
    String tableType = types.get().group(1);
    String dataType = types.get().group(2);
    return Optional.of(List.of(
        "Column " + Texts.q(column) + " is " + tableType + " in the Delta table but " + dataType
            + " in the data being written, and schema merging cannot reconcile the two.",
        "Cast " + Texts.q(column) + " to " + tableType + " in the writer, or, if " + dataType + " is intended,"
            + " rewrite the table with `.option(\"overwriteSchema\", \"true\")` in overwrite mode."));
  }

  private static Optional<List<String>> parquet(Texts texts) {
    Optional<MatchResult> m = texts.first(PARQUET);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    String file = Texts.trimPunctuation(m.get().group(1));
    String column = Texts.trimPunctuation(m.get().group(2));
    String expected = m.get().group(3).strip();
    String found = m.get().group(4).strip();
    int slash = file.lastIndexOf('/');
    String folder = slash > 0 ? file.substring(0, slash + 1) : file;
    return Optional.of(List.of(
        "Column " + Texts.q(column) + " is read as " + expected + " but is stored as " + found
            + " in the Parquet files under " + Texts.q(folder) + ".",
        "Rewrite or exclude the files under " + Texts.q(folder) + " that store " + Texts.q(column) + " as " + found
            + ", or read them with their own type and cast " + Texts.q(column) + " to " + expected
            + " (for example, a separate read of the old files, or a schema that declares the file type)."));
  }

  private static Optional<List<String>> incompatible(Texts texts) {
    String table = texts.first(INCOMPATIBLE_TABLE).map(m -> Texts.trimPunctuation(m.group(1))).orElse("");
    String target = table.isEmpty() ? "the target table" : "table " + Texts.q(String.join(".", Texts.nameParts(table)));
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

  private static Optional<List<String>> arity(Texts texts) {
    String table = texts.first(ARITY_TABLE).map(m -> Texts.trimPunctuation(m.group(1))).orElse("");
    String target = table.isEmpty() ? "the target table" : "table " + Texts.q(String.join(".", Texts.nameParts(table)));
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
