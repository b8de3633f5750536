package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChecksTest {

  private static final String CAST = "[CAST_INVALID_INPUT] The value 'Jane O''Neil 1980-02-03' of the type \"STRING\""
      + " cannot be cast to \"INT\" because it is malformed. Correct the value as per the syntax, or change its"
      + " target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018\n"
      + "== SQL (line 7, position 5) ==\n    CAST(units AS INT) AS quantity,\n    ^^^^^^^^^^^^^^^^\n";

  @Test
  void should_name_column_types_and_try_cast_when_a_cast_input_is_malformed() {
    assertThat(actions(Category.DATA_QUALITY, CAST)).singleElement().asString()
        .isEqualTo("A STRING value in column `units` (from `CAST(units AS INT)`) is malformed for INT: use"
            + " `try_cast(units AS INT)` to turn such values into NULL, or clean the column upstream.");
  }

  @Test
  void should_never_repeat_the_offending_values() {
    String pk = "Violation of PRIMARY KEY constraint 'PK_customers'. Cannot insert duplicate key in object"
        + " 'dbo.customers'. The duplicate key value is (jane.doe@example.com).";
    String truncated = "String or binary data would be truncated in table 'crm.dbo.contacts', column 'phone'."
        + " Truncated value: '+44 7700 900123'.";
    String check = "[DELTA_VIOLATE_CONSTRAINT_WITH_VALUES] CHECK constraint valid_age (age >= 0) violated by row with"
        + " values:\n - age : -41\n - name : Jane Doe\n";
    String polybase = "Query aborted-- the maximum reject threshold (0 rows) was reached while reading from an"
        + " external source: 1 rows rejected out of total 3 rows processed. Column ordinal: 8, Expected data type:"
        + " DECIMAL(8,2), Offending value: 12,99 EUR";

    List<String> actions = actions(Category.DATA_QUALITY, CAST, pk, truncated, check, polybase);
    String all = String.join(" ", actions);

    assertThat(all).doesNotContain("Jane").doesNotContain("1980").doesNotContain("jane.doe")
        .doesNotContain("7700").doesNotContain("-41").doesNotContain("12,99").doesNotContain("EUR");
    assertThat(all).contains("`units`");
  }

  @Test
  void should_name_the_column_when_a_delta_not_null_constraint_is_violated() {
    assertThat(actions(Category.DATA_QUALITY, "[DELTA_NOT_NULL_CONSTRAINT_VIOLATED] NOT NULL constraint violated for"
        + " column: customer_id.")).singleElement().asString().contains("NULL in `customer_id`");
  }

  @Test
  void should_name_constraint_and_columns_but_no_values_when_a_check_constraint_is_violated() {
    String text = "CHECK constraint positive_amount (amount > 0) violated by row with values:\n - amount : -12.50\n";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("CHECK constraint `positive_amount` on `amount`").doesNotContain("12.50");
  }

  @Test
  void should_name_column_and_table_when_sql_server_refuses_a_null() {
    String text = "Cannot insert the value NULL into column 'region_code', table 'dw.dbo.dim_store'; column does not"
        + " allow nulls. INSERT fails.";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("`region_code`").contains("`dw.dbo.dim_store`");
  }

  @Test
  void should_name_constraint_and_table_when_a_primary_key_is_violated() {
    String text = "Violation of PRIMARY KEY constraint 'PK_orders'. Cannot insert duplicate key in object"
        + " 'dbo.orders'. The duplicate key value is (10042).";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("PRIMARY KEY constraint `PK_orders`").contains("`dbo.orders`").doesNotContain("10042");
  }

  @Test
  void should_name_table_and_column_when_string_data_would_be_truncated() {
    String text = "String or binary data would be truncated in table 'crm.dbo.contacts', column 'phone'. Truncated"
        + " value: '+44'.";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("`phone`").contains("`crm.dbo.contacts`");
  }

  @Test
  void should_name_target_and_key_when_merge_source_rows_are_duplicated() {
    String text = "[DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE] Cannot perform Merge as multiple source"
        + " rows matched and attempted to modify the same target row in the Delta table in possibly conflicting"
        + " ways.\n  File \"/Workspace/etl/merge.py\", line 40, in upsert\n"
        + "    DeltaTable.forName(spark, \"sales.silver.orders\").alias(\"t\").merge(src.alias(\"s\"),"
        + " \"t.order_id = s.order_id\")";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("MERGE into `sales.silver.orders`").contains("deduplicate the source on `order_id`");
  }

  @Test
  void should_name_counts_threshold_and_type_when_polybase_rejects_rows() {
    String text = "Query aborted-- the maximum reject threshold (0 rows) was reached while reading from an external"
        + " source: 1 rows rejected out of total 3 rows processed. Column ordinal: 8, Expected data type:"
        + " DECIMAL(8,2), Offending value: x";

    assertThat(actions(Category.DATA_QUALITY, text)).singleElement().asString()
        .contains("rejected 1 of 3 rows at column ordinal 8, which expects DECIMAL(8,2)")
        .contains("reject threshold of 0 rows");
  }

  @Test
  void should_give_nothing_when_the_message_names_no_constraint_or_cast() {
    assertThat(actions(Category.DATA_QUALITY, "Data validation failed for 3 rows.")).isEmpty();
  }
}
