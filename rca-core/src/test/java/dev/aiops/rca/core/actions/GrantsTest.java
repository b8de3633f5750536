package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantsTest {

  @Test
  void should_give_the_grant_statement_for_the_run_as_principal_when_use_catalog_is_missing() {
    String text = "AnalysisException: [INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE CATALOG"
        + " on Catalog 'research'. SQLSTATE: 42501";

    List<String> actions = actions(Category.PERMISSION_DENIED, Map.of("run_as_user_name", "etl-sp@contoso.com"), text);

    assertThat(actions).singleElement().asString()
        .isEqualTo("Grant USE CATALOG on catalog `research` to the job's run-as principal `etl-sp@contoso.com`"
            + " (GRANT USE CATALOG ON CATALOG research TO `etl-sp@contoso.com`).");
  }

  @Test
  void should_add_the_catalog_and_schema_prerequisites_when_select_on_a_table_is_missing() {
    String text = "PERMISSION_DENIED: User does not have SELECT on Table 'main.finance.gl_balances'.";

    List<String> actions = actions(Category.PERMISSION_DENIED, text);

    assertThat(actions.get(0)).contains("Grant SELECT on table `main.finance.gl_balances`")
        .contains("GRANT SELECT ON TABLE main.finance.gl_balances TO `<run-as principal>`");
    assertThat(actions.get(1)).contains("USE CATALOG on catalog `main`")
        .contains("USE SCHEMA on schema `main.finance`");
  }

  @Test
  void should_grant_select_on_any_file_when_the_legacy_table_acl_denies_file_access() {
    String text = "org.apache.spark.SparkSecurityException: [INSUFFICIENT_PERMISSIONS] Insufficient privileges: User"
        + " does not have permission SELECT on any file.";

    assertThat(actions(Category.PERMISSION_DENIED, Map.of("run_as.service_principal_name", "a1b2"), text))
        .singleElement().asString().contains("GRANT SELECT ON ANY FILE TO `a1b2`").contains("external location");
  }

  @Test
  void should_name_account_container_role_and_folder_when_storage_denies_a_read() {
    String text = "Operation failed: \"This request is not authorized to perform this operation using this"
        + " permission.\", 403, GET, https://stanalytics01.dfs.core.windows.net/curated?upn=false&resource=filesystem"
        + "&maxResults=500&directory=sales/Year%3D2024&timeout=90&recursive=false, AuthorizationPermissionMismatch";

    List<String> actions = actions(Category.PERMISSION_DENIED, text);

    assertThat(actions.get(0)).contains("`Storage Blob Data Reader`").contains("container `curated`")
        .contains("storage account `stanalytics01`").contains("GET");
    assertThat(actions.get(1)).contains("folder `sales/Year=2024`");
  }

  @Test
  void should_name_client_action_and_scope_when_arm_denies_an_action() {
    String text = "AuthorizationFailed: The client 'adf-prod-mi' with object id '7d0c2b1e-0000-4000-8000-00000000abcd'"
        + " does not have authorization to perform action 'Microsoft.Databricks/workspaces/read' over scope"
        + " '/subscriptions/123/resourceGroups/rg-data/providers/Microsoft.Databricks/workspaces/dbw-prod' or the"
        + " scope is invalid.";

    assertThat(actions(Category.PERMISSION_DENIED, text)).singleElement().asString()
        .contains("client `adf-prod-mi`").contains("`Microsoft.Databricks/workspaces/read`")
        .contains("/resourceGroups/rg-data/");
  }

  @Test
  void should_name_the_user_when_the_cluster_acl_denies_access() {
    String text = "User: SimpleUserContext{userId=65, name=loader@contoso.com, orgId=47} is not authorized to access"
        + " cluster.";

    assertThat(actions(Category.PERMISSION_DENIED, Map.of("existing_cluster_id", "0312-abc"), text))
        .singleElement().asString().contains("`loader@contoso.com`").contains("Can Attach To")
        .contains("`0312-abc`");
  }

  @Test
  void should_give_nothing_when_the_denial_names_no_object_or_privilege() {
    assertThat(actions(Category.PERMISSION_DENIED, "HTTP 403 Forbidden")).isEmpty();
  }
}
