package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import org.junit.jupiter.api.Test;

class ObjectLocationTest {

  @Test
  void should_name_catalog_and_schema_when_a_three_part_table_is_not_found() {
    String text = "[TABLE_OR_VIEW_NOT_FOUND] The table or view `hive_metastore`.`ops_inventory`.`clusters` cannot be"
        + " found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01";

    assertThat(actions(Category.TABLE_OR_VIEW_NOT_FOUND, text)).singleElement().asString()
        .contains("Table `clusters` was looked for in schema `ops_inventory` of catalog `hive_metastore`")
        .contains("SHOW TABLES IN hive_metastore.ops_inventory");
  }

  @Test
  void should_say_the_current_catalog_and_schema_decided_when_only_one_part_was_given() {
    String text = "AnalysisException: Table or view not found: sales_bronze; line 1 pos 14;";

    assertThat(actions(Category.TABLE_OR_VIEW_NOT_FOUND, text)).singleElement().asString()
        .contains("Only the 1-part name `sales_bronze` was given").contains("USE CATALOG")
        .contains("USE SCHEMA");
  }

  @Test
  void should_name_schema_and_database_context_when_sql_server_reports_an_invalid_object() {
    String text = "Message=Invalid object name '[Retail].[StoreOpeningHours]'.,Source=.Net SqlClient Data Provider";

    assertThat(actions(Category.TABLE_OR_VIEW_NOT_FOUND, text)).singleElement().asString()
        .contains("Object `StoreOpeningHours` was looked for in schema `Retail`").contains("208");
  }

  @Test
  void should_give_nothing_when_no_object_is_named() {
    assertThat(actions(Category.TABLE_OR_VIEW_NOT_FOUND, "The query failed because a relation is missing.")).isEmpty();
    assertThat(actions(Category.FILE_NOT_FOUND, "java.io.IOException: the read failed")).isEmpty();
  }

  @Test
  void should_name_account_container_and_parent_folder_when_an_abfss_path_does_not_exist() {
    String text = "[PATH_NOT_FOUND] Path does not exist: abfss://landing@stlakeweu01.dfs.core.windows.net/pos/2024/"
        + "05/sales.csv. SQLSTATE: 42K03";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("`/pos/2024/05/sales.csv` exists in container `landing` of storage account `stlakeweu01`")
        .contains("`abfss://landing@stlakeweu01.dfs.core.windows.net/pos/2024/05`");
  }

  @Test
  void should_name_the_mount_when_a_dbfs_mount_path_is_missing() {
    String text = "java.io.FileNotFoundException: dbfs:/mnt/finance/ledger/2024/entries.parquet";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("mount `/mnt/finance`").contains("`dbfs:/mnt/finance/ledger/2024`");
  }

  @Test
  void should_name_the_volume_when_a_volume_path_is_missing() {
    String text = "FileNotFoundException: No such file or directory: /Volumes/main/raw/drops/inbox/a.json";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("volume `main.raw.drops`").contains("`/Volumes/main/raw/drops/inbox`");
  }

  @Test
  void should_name_the_bucket_when_an_s3_path_is_missing() {
    String text = "[PATH_NOT_FOUND] Path does not exist: s3://acme-logs/app/2024/*/events.json.";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("bucket `acme-logs`").contains("parent folder `s3://acme-logs/app/2024`");
  }

  @Test
  void should_name_the_notebook_path_when_a_notebook_is_not_found() {
    String text = "Operation on target Run Model failed: Notebook not found: /Repos/analytics/models/Score Daily";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("`/Repos/analytics/models/Score Daily` exists in the workspace under `/Repos/analytics/models`");
  }

  @Test
  void should_name_container_and_prefix_when_adf_reports_a_missing_blob() {
    String text = "ErrorCode=UserErrorSourceBlobNotExist,Message=The required Blob is missing. ContainerName:"
        + " https://stingest01.blob.core.windows.net/inbound, ContainerExist: True, BlobPrefix: Vendors/2024/,"
        + " BlobCount: 0.";

    assertThat(actions(Category.FILE_NOT_FOUND, text)).singleElement().asString()
        .contains("prefix `Vendors/2024/`").contains("container `inbound` of storage account `stingest01`");
  }

  @Test
  void should_add_refresh_advice_when_files_were_replaced_under_a_running_query() {
    String text = "[FAILED_READ_FILE.FILE_NOT_EXIST] Encountered error while reading file"
        + " abfss://lake@stprod.dfs.core.windows.net/silver/orders/part-00007.snappy.parquet. File does not exist."
        + " It is possible the underlying files have been updated.";

    assertThat(actions(Category.FILE_NOT_FOUND, text))
        .hasSize(2)
        .anySatisfy(a -> assertThat(a).contains("`/silver/orders/part-00007.snappy.parquet`"))
        .anySatisfy(a -> assertThat(a).contains("REFRESH TABLE"));
  }
}
