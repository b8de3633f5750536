package dev.aiops.rca.adapter.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabricksSettingsTest {

  private static final DatabricksCredentials TOKEN = new DatabricksCredentials.PersonalAccessToken("dapi-x");

  @Test
  void should_assume_https_when_the_host_has_no_scheme() {
    assertThat(DatabricksSettings.of("adb-1.7.azuredatabricks.net/", TOKEN).host())
        .hasToString("https://adb-1.7.azuredatabricks.net");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://adb-1.7.azuredatabricks.net", "ftp://adb-1", "http://10.0.0.8:8080"})
  void should_refuse_a_host_the_token_must_not_travel_to_in_clear(String host) {
    assertThatThrownBy(() -> DatabricksSettings.of(host, TOKEN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:8443"})
  void should_allow_plain_http_on_loopback_for_stubs(String host) {
    assertThat(DatabricksSettings.of(host, TOKEN).host().getScheme()).isEqualTo("http");
  }

  @Test
  void should_keep_secrets_out_of_printouts() {
    assertThat(DatabricksSettings.of("adb-1", TOKEN).toString()).doesNotContain("dapi-x");
    assertThat(new DatabricksCredentials.OAuthClient("client-1", "s3cret").toString())
        .contains("client-1").doesNotContain("s3cret");
  }

  @Test
  void should_drop_any_path_or_query_from_the_host() {
    assertThat(DatabricksSettings.of("https://adb-1.7.azuredatabricks.net/?o=123#job/1", TOKEN).host())
        .hasToString("https://adb-1.7.azuredatabricks.net");
  }
}
