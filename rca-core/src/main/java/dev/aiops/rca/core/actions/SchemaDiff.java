package dev.aiops.rca.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Names the columns that differ between the schema a write brings and the schema its target has. */
final class SchemaDiff {

  // Formats parsed here; the schema trees of a Delta schema mismatch are read by SchemaTreeDiff, and Spark's table
  // write errors by TableWriteColumns:
  // - Delta [DELTA_FAILED_TO_MERGE_FIELDS] "Failed to merge fields '<currentField>' and '<updateField>'" with
  //   [DELTA_MERGE_INCOMPATIBLE_DATATYPE] "Failed to merge incompatible data types <currentType> and <updateType>".
  // - Spark "Parquet column cannot be converted in file <path>. Column: [<column>], Expected: <type>, Found: <type>"
  //   (FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH and its legacy form).

  private static final Pattern MERGE_FIELDS = Pattern.compile(
      "Failed to merge fields '([^']{1,200})' and '([^']{1,200})'");
  private static final Pattern MERGE_TYPES = Pattern.compile(
      "Failed to merge incompatible data types (\\w{1,40}(?:\\([0-9, ]{1,20}\\))?)"
          + " and (\\w{1,40}(?:\\([0-9, ]{1,20}\\))?)");
  private static final Pattern PARQUET = Pattern.compile(
      "Parquet column cannot be converted in (?:the )?file (\\S{1,2000}?)\\.?\\s+"
          + "Column: \\[?([^\\],\\r\\n]{1,200}?)\\]?, Expected: ([^,\\r\\n]{1,60}), Found: ([\\w()]{1,60})");

  private SchemaDiff() {}

  /** The actions for the first schema difference the texts show, or none. */
  static List<String> actions(Texts texts) {
    for (String text : texts.all()) {
      List<String> tree = SchemaTreeDiff.diff(text);
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
      TableWriteColumns.incompatible(texts).ifPresent(out::addAll);
    }
    if (out.isEmpty()) {
      TableWriteColumns.arity(texts).ifPresent(out::addAll);
    }
    return out;
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
}
