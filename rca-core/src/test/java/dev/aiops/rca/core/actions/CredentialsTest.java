package dev.aiops.rca.core.actions;

import static dev.aiops.rca.core.actions.Given.actions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void should_name_the_client_secret_and_its_secret_scope_when_aadsts7000215_is_returned() {
    String text = "HTTP Error 401; url='https://login.microsoftonline.com/cfa930ff-a3f0-4933-8a1e-5b2c7d9e0f14/oauth2/"
        + "token' AADToken: ... {\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
        + " secret provided. Ensure the secret being sent in the request is the client secret value, not the client"
        + " secret ID, for a secret added to app '2a9b6f1c-1111-4222-8333-944455556666'.";
    Map<String, String> details = Map.of(
        "new_cluster.spark_conf.fs.azure.account.oauth2.client.secret", "{{secrets/lake-oauth/sp-secret}}");

    assertThat(actions(Category.AUTHENTICATION, details, text)).singleElement().asString()
        .contains("client secret of the app registration `2a9b6f1c-1111-4222-8333-944455556666`")
        .contains("AADSTS7000215").contains("secret scope `lake-oauth` key `sp-secret`");
  }

  @Test
  void should_say_the_secret_expired_when_aadsts7000222_is_returned() {
    String text = "AADSTS7000222: The provided client secret keys for app 'c0ffee00-1111-4222-8333-944455556666' are"
        + " expired. Visit the Azure portal to create new keys for your app.";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("has expired (AADSTS7000222)").contains("create a new client secret");
  }

  @Test
  void should_take_the_client_id_from_the_settings_when_the_message_does_not_name_the_app() {
    String text = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret is"
        + " provided.";
    Map<String, String> details = Map.of(
        "spark_conf.fs.azure.account.oauth2.client.id.lake.dfs.core.windows.net", "0a1b2c3d-1111-4222-8333-944455556666");

    assertThat(actions(Category.AUTHENTICATION, details, text)).singleElement().asString()
        .contains("app registration `0a1b2c3d-1111-4222-8333-944455556666`");
  }

  @Test
  void should_name_the_tenant_when_aadsts90002_is_returned() {
    String text = "AADSTS90002: Tenant 'contoso-typo.onmicrosoft.com' not found. Check to make sure you have the"
        + " correct tenant ID.";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("Tenant `contoso-typo.onmicrosoft.com` was not found");
  }

  @Test
  void should_name_the_sql_login_when_login_failed() {
    String text = "Cannot connect to SQL Database. Login failed for user 'etl_loader'. SqlErrorNumber=18456";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("SQL login `etl_loader` was rejected (error 18456)");
  }

  @Test
  void should_explain_the_missing_identity_when_login_is_anonymous() {
    String text = "Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'.";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("managed identity").contains("FROM EXTERNAL PROVIDER");
  }

  @Test
  void should_point_at_the_databricks_linked_service_token_when_adf_reports_error_3200() {
    String text = "{\"errorCode\": \"3200\", \"message\": \"Error 403.\", \"failureType\": \"UserError\"}";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("personal access token").contains("Databricks linked service");
  }

  @Test
  void should_name_the_storage_account_when_the_key_or_sas_is_rejected() {
    String text = "StorageException: Server failed to authenticate the request. Make sure the value of Authorization"
        + " header is formed correctly including the signature. https://stbackup01.blob.core.windows.net/archive";

    assertThat(actions(Category.AUTHENTICATION, text)).singleElement().asString()
        .contains("storage account `stbackup01`").contains("key or SAS");
  }

  @Test
  void should_give_nothing_when_no_credential_cue_is_present() {
    assertThat(actions(Category.AUTHENTICATION, "HTTP 401 Unauthorized")).isEmpty();
  }

  @Test
  void should_never_repeat_a_token_that_appears_in_the_evidence() {
    String text = "Invalid access token. Authorization: Bearer dapi0123456789abcdef0123456789abcdef";

    assertThat(String.join(" ", actions(Category.AUTHENTICATION, text))).doesNotContain("dapi0123");
  }
}
