package dev.aiops.rca.adapter.adf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdfSettingsTest {

  private static final String SUB = "00000000-0000-0000-0000-000000000000";
  private static final AdfCredentials SECRET = new AdfCredentials.ClientSecret("tenant.onmicrosoft.com", "client-1",
      "s3cret-value");

  private static AdfSettings settings() {
    return AdfSettings.of(SUB, "rg-data-prod", "adf-sales-prod", SECRET);
  }

  @Test
  void should_use_the_public_cloud_and_the_default_cost_tag_keys_by_default() {
    AdfSettings settings = settings();

    assertThat(settings.authorityHost()).hasToString("https://login.microsoftonline.com");
    assertThat(settings.managementUrl()).hasToString("https://management.azure.com");
    assertThat(settings.costTagKeys()).containsExactly("cost_center", "CostCenter", "team");
    assertThat(settings.factoryResourceId()).isEqualTo("/subscriptions/" + SUB
        + "/resourceGroups/rg-data-prod/providers/Microsoft.DataFactory/factories/adf-sales-prod");
  }

  @Test
  void should_take_sovereign_cloud_endpoints_without_their_paths() {
    AdfSettings settings = settings().withEndpoints(URI.create("https://login.microsoftonline.us/"),
        URI.create("https://management.usgovcloudapi.net/"));

    assertThat(settings.authorityHost()).hasToString("https://login.microsoftonline.us");
    assertThat(settings.tokenResource()).isEqualTo("https://management.usgovcloudapi.net/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://management.azure.com", "ftp://management.azure.com", "http://10.0.0.8:8080",
      "http://169.254.169.254"})
  void should_refuse_an_endpoint_the_token_must_not_travel_to_in_clear(String url) {
    assertThatThrownBy(() -> settings().withEndpoints(AdfSettings.PUBLIC_AUTHORITY, URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AZURE_MANAGEMENT_URL")
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> settings().withEndpoints(URI.create(url), AdfSettings.PUBLIC_MANAGEMENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AZURE_AUTHORITY_HOST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:8443"})
  void should_allow_plain_http_on_loopback_for_stubs(String url) {
    assertThat(settings().withEndpoints(URI.create(url), URI.create(url)).managementUrl().getScheme())
        .isEqualTo("http");
  }

  @Test
  void should_allow_the_link_local_metadata_service_for_the_managed_identity_only() {
    assertThat(AdfCredentials.ManagedIdentity.of(Optional.empty()).endpoint())
        .hasToString("http://169.254.169.254/metadata/identity/oauth2/token");
    assertThatThrownBy(() -> new AdfCredentials.ManagedIdentity(Optional.empty(),
        URI.create("http://imds.example/token"))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "not-a-guid!, rg, adf, AZURE_SUBSCRIPTION_ID",
      SUB + ", rg/../x, adf, ADF_RESOURCE_GROUP",
      SUB + ", rg, adf/pipelines, ADF_FACTORY_NAME",
      SUB + ", rg, '', ADF_FACTORY_NAME"})
  void should_refuse_names_that_would_leave_the_factory_path(String sub, String rg, String factory, String setting) {
    assertThatThrownBy(() -> AdfSettings.of(sub, rg, factory, SECRET))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(setting);
  }

  @Test
  void should_keep_the_secret_out_of_printouts() {
    assertThat(settings().toString()).doesNotContain("s3cret-value").contains("client-1");
    assertThat(SECRET.toString()).doesNotContain("s3cret-value");
  }

  @Test
  void should_name_the_settings_when_credentials_are_missing() {
    assertThatThrownBy(() -> new AdfCredentials.ClientSecret("t", "c", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AZURE_CLIENT_SECRET");
    assertThatThrownBy(() -> new AdfCredentials.ClientSecret("t/../x", "c", "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AZURE_TENANT_ID");
  }

  @Test
  void should_drop_blank_and_repeated_cost_tag_keys() {
    assertThat(settings().withCostTagKeys(List.of(" team ", "", "team", "owner")).costTagKeys())
        .containsExactly("team", "owner");
  }
}
