package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static final String DELTA_MULTILINE = """
      org.apache.spark.sql.AnalysisException: A schema mismatch detected when writing to the Delta table (Table ID: 5b1c).
      To enable schema migration using DataFrameWriter or DataStreamWriter, please set:
      '.option("mergeSchema", "true")'.
      For other operations, set the session configuration
      spark.databricks.delta.schema.autoMerge.enabled to "true". See the documentation
      specific to the operation for details.

      Table schema:
      root
       |-- order_id: long (nullable = true)
       |-- amount: decimal(10,2) (nullable = true)
       |-- customer: struct (nullable = true)
       |    |-- id: long (nullable = true)
       |    |-- tier: string (nullable = true)
       |-- legacy_flag: boolean (nullable = true)


      Data schema:
      root
       |-- order_id: string (nullable = true)
       |-- amount: decimal(10,2) (nullable = true)
       |-- customer: struct (nullable = true)
       |    |-- id: long (nullable = true)
       |    |-- tier: string (nullable = true)
       |    |-- segment: string (nullable = true)
       |-- channel: string (nullable = true)

      \tat org.apache.spark.sql.delta.DeltaErrors$.schemaMismatch(DeltaErrors.scala:1)
      """;

  @Test
  void should_name_added_missing_and_retyped_columns_when_delta_prints_both_schema_trees() {
    List<String> actions = actions(Category.SCHEMA_MISMATCH, DELTA_MULTILINE);

    assertThat(actions.get(0))
        .contains("adds `customer.segment` and `channel`")
        .contains("lacks the table's `legacy_flag`")
        .contains("`order_id` from long to string")
        .doesNotContain("`amount`");
    assertThat(actions).anyMatch(a -> a.contains("mergeSchema")
        && a.contains("spark.databricks.delta.schema.autoMerge.enabled"));
    assertThat(actions).anyMatch(a -> a.contains("overwriteSchema") && a.contains("`order_id`"));
  }

  @Test
  void should_read_the_trees_when_they_are_printed_on_one_line_without_the_first_pipe() {
    String oneLine = "A schema mismatch detected when writing to the Delta table (Table ID: 1). Table schema: root"
        + " -- id: integer (nullable = true) -- name: string (nullable = true) Data schema: root -- id: integer"
        + " (nullable = true) -- name: string (nullable = true) -- email: string (nullable = true)";

    List<String> actions = actions(Category.SCHEMA_MISMATCH, oneLine);

    assertThat(actions.get(0)).contains("adds `email` that the table lacks").doesNotContain("`id`");
    assertThat(actions).noneMatch(a -> a.contains("overwriteSchema"));
  }

  @Test
  void should_read_the_trees_when_a_log_prints_the_message_json_escaped() {
    String escaped = "\"A schema mismatch detected when writing to the Delta table.\\n\\nTable schema:\\nroot\\n"
        + " |-- id: long (nullable = true)\\n\\n\\nData schema:\\nroot\\n |-- id: long (nullable = true)\\n"
        + " |-- note: string (nullable = true)\\n\"";

    assertThat(actions(Category.SCHEMA_MISMATCH, escaped).get(0)).contains("adds `note` that the table lacks");
  }

  @Test
  void should_give_no_specific_action_when_the_delta_message_prints_no_schemas() {
    String bare = "AnalysisException: A schema mismatch detected when writing to the Delta table (Table ID: f07a).\n"
        + "To enable schema migration using DataFrameWriter or DataStreamWriter, please set:\n"
        + "'.option(\"mergeSchema\", \"true\")'.";

    assertThat(actions(Category.SCHEMA_MISMATCH, bare)).isEmpty();
  }

  @Test
  void should_name_both_types_when_delta_fails_to_merge_fields() {
    String text = "AnalysisException: [DELTA_FAILED_TO_MERGE_FIELDS] Failed to merge fields 'event_id' and"
        + " 'event_id'. SQLSTATE: 22005\nCaused by: [DELTA_MERGE_INCOMPATIBLE_DATATYPE] Failed to merge"
        + " incompatible data types LongType and StringType";

    List<String> actions = actions(Category.SCHEMA_MISMATCH, text);

    assertThat(actions.get(0)).contains("`event_id`").contains("LongType in the Delta table")
        .contains("StringType in the data");
    assertThat(actions.get(1)).contains("Cast `event_id` to LongType").contains("overwriteSchema");
  }

  @Test
  void should_name_column_types_and_folder_when_a_parquet_column_cannot_be_converted() {
    String text = "org.apache.spark.sql.execution.QueryExecutionException: Parquet column cannot be converted in file"
        + " s3://lake-raw/flows/year=2024/day=25/part-0001.parquet. Column: [protocol], Expected: bigint,"
        + " Found: INT32\n\tat org.apache.spark.sql.execution.datasources.parquet.ParquetVectorUpdaterFactory";

    List<String> actions = actions(Category.SCHEMA_MISMATCH, text);

    assertThat(actions.get(0)).contains("`protocol`").contains("bigint").contains("INT32")
        .contains("`s3://lake-raw/flows/year=2024/day=25/`");
  }

  @Test
  void should_name_column_and_types_when_spark_cannot_safely_cast_for_a_table() {
    String text = "[INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST] Cannot write incompatible data for the table"
        + " `spark_catalog`.`sales`.`orders`: Cannot safely cast `qty` \"STRING\" to \"INT\". SQLSTATE: KD000";

    List<String> actions = actions(Category.SCHEMA_MISMATCH, text);

    assertThat(actions).singleElement().asString().contains("`qty` arrives as STRING")
        .contains("table `spark_catalog.sales.orders` declares INT").contains("CAST(qty AS INT)");
  }

  @Test
  void should_read_the_legacy_cannot_safely_cast_wording() {
    String text = "Cannot write incompatible data to table '`default`.`events`':\n- Cannot safely cast 'ts': string"
        + " to timestamp\n";

    assertThat(actions(Category.SCHEMA_MISMATCH, text)).singleElement().asString()
        .contains("`ts` arrives as string").contains("`default.events`").contains("timestamp");
  }

  @Test
  void should_name_extra_and_missing_columns_when_insert_arity_lists_both_sides() {
    String text = "[INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS] Cannot write to `main`.`gold`.`kpis`, the"
        + " reason is too many data columns:\nTable columns: `day`, `region`, `revenue`.\n"
        + "Data columns: `day`, `region`, `revenue`, `margin`.";

    assertThat(actions(Category.SCHEMA_MISMATCH, text)).singleElement().asString()
        .contains("The data has 4 columns but table `main.gold.kpis` has 3").contains("adds `margin`");
  }

  @Test
  void should_give_both_counts_when_the_legacy_arity_message_is_shown() {
    String text = "AnalysisException: `db`.`t` requires that the data to be inserted have the same number of columns"
        + " as the target table: target table has 3 column(s) but the inserted data has 5 column(s)";

    assertThat(actions(Category.SCHEMA_MISMATCH, text)).singleElement().asString()
        .contains("The data has 5 columns").contains("has 3");
  }
}
