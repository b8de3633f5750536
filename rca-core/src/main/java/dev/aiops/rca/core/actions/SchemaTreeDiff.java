package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares the table and data schema trees that a Delta schema mismatch prints, field by field. */
final class SchemaTreeDiff {

  // Format parsed: Delta "A schema mismatch detected when writing to the Delta table ..."
  // (DeltaErrors.schemaChangedException, _LEGACY_ERROR_TEMP_DELTA_0007), which prints "Table schema:" and
  // "Data schema:" as StructType.treeString: "root", then " |-- name: type (nullable = true)", nested
  // " |    |-- x: type". Delta's stripMargin can eat the first pipe ("-- name: type"), and some logs join the lines,
  // so depth is counted relative to the shallowest field.

  private static final Pattern TABLE_SCHEMA = Pattern.compile("Table schema:");
  private static final Pattern DATA_SCHEMA = Pattern.compile("Data schema:");
  private static final Pattern FIELD = Pattern.compile(
      "((?:\\|[ \\t]*)*)--[ \\t]+([^:\\r\\n|]{1,200}?):[ \\t]*([A-Za-z_]\\w{0,40}(?:\\([0-9, ]{1,20}\\))?)");
  // Between tree lines only the nullability notes, "root", whitespace and escaped line breaks (logs that print the
  // message JSON-escaped) may appear; anything else ends the tree.
  private static final Pattern TREE_NOISE = Pattern.compile(
      "\\(\\w+ = (?:true|false)\\)|(?:\\b|(?<=\\\\[nrt]))root\\b|\\s+|\\\\[nrt]");
  private static final int SECTION_LIMIT = 64 * 1024;

  private SchemaTreeDiff() {}

  /** One field of a printed schema tree, by its dotted path. */
  private record Field(String path, String type) {}

  /** What the write changes against the table, and how to align them; empty when the text prints no two trees. */
  static List<String> diff(String text) {
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
}
