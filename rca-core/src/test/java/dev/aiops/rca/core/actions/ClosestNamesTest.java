package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import dev.aiops.rca.domain.Entity;
import dev.aiops.rca.domain.EntityKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

  @Test
  void should_name_the_three_closest_suggestions_when_spark_suggests_columns() {
    String text = "org.apache.spark.sql.AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or"
        + " function parameter with name `shipment_state` cannot be resolved. Did you mean one of the following?"
        + " [`order_id`, `shipment_status`, `requestId`, `shipment_date`, `state`];";

    List<String> actions = actions(Category.COLUMN_NOT_FOUND, text);

    assertThat(actions).singleElement().asString()
        .contains("Column `shipment_state` cannot be resolved")
        .contains("`shipment_status`, `shipment_date` and `state`")
        .doesNotContain("`requestId`");
  }

  @Test
  void should_rank_by_the_last_part_ignoring_case_when_the_legacy_message_lists_qualified_columns() {
    String text = "AnalysisException: cannot resolve 'CustomerID' given input columns: [c.name, c.customer_id,"
        + " c.customerid, c.city]; line 1 pos 7";

    assertThat(actions(Category.COLUMN_NOT_FOUND, text)).singleElement().asString()
        .contains("`CustomerID`").contains("closest available names are `c.customerid`, `c.customer_id`");
  }

  @Test
  void should_name_the_field_and_its_closest_siblings_when_a_struct_field_is_missing() {
    String text = "[FIELD_NOT_FOUND] No such struct field `zipcode` in `street`, `city`, `zip_code`. SQLSTATE: 42704";

    assertThat(actions(Category.COLUMN_NOT_FOUND, text)).singleElement().asString()
        .contains("`zipcode` cannot be resolved in the struct").contains("`zip_code`, `city` and `street`")
        .doesNotContain("SQLSTATE");
  }

  @Test
  void should_name_the_column_and_the_tables_in_evidence_when_sql_server_reports_an_invalid_column() {
    List<String> actions = actions(Category.COLUMN_NOT_FOUND, List.of(new Entity(EntityKind.TABLE, "dbo.products")),
        "Failure happened on 'Source' side. ErrorCode=SqlInvalidColumnName,Message=Invalid column name 'modified_at'.");

    assertThat(actions).singleElement().asString().contains("Column `modified_at` does not exist")
        .contains("`dbo.products`").contains("207");
  }

  @Test
  void should_say_no_alternatives_are_listed_when_spark_gives_no_suggestion() {
    String text = "[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column, variable, or function parameter with name"
        + " `amount_eur` cannot be resolved. SQLSTATE: 42703";

    assertThat(actions(Category.COLUMN_NOT_FOUND, text)).singleElement().asString()
        .contains("`amount_eur`").contains("no alternatives are listed");
  }

  @Test
  void should_rank_table_columns_when_delta_cannot_find_a_column() {
    String text = "[DELTA_MISSING_COLUMN] Cannot find `customer_nme` in table columns: order_id, customer_id,"
        + " customer_name, region";

    assertThat(actions(Category.COLUMN_NOT_FOUND, text)).singleElement().asString()
        .contains("`customer_nme` cannot be resolved in the table")
        .contains("`customer_name`, `customer_id` and `order_id`");
  }

  @Test
  void should_give_nothing_when_the_message_names_no_column() {
    assertThat(actions(Category.COLUMN_NOT_FOUND, "AnalysisException: Column ambiguity detected.")).isEmpty();
  }

  @Test
  void should_also_suggest_names_when_the_category_is_another_one() {
    String text = "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `id` cannot be"
        + " resolved. Did you mean one of the following? [`customer_id`, `order_id`, `ts`].";

    assertThat(actions(Category.CODE_ERROR, text)).singleElement().asString().contains("`id`")
        .contains("`ts`, `order_id` and `customer_id`");
  }

  @Test
  void should_measure_edit_distance_ignoring_case() {
    assertThat(ClosestNames.distance("Kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestNames.distance("ABC", "abc")).isZero();
    assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
  }
}
