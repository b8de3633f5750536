package dev.aiops.rca.adapter.adf;

import static dev.aiops.rca.adapter.adf.AdfStub.FACTORY;
import static dev.aiops.rca.adapter.adf.AdfStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.http.RecordingStub.Answer;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntraTokensTest {

  private static final String RUN = AdfFailedRunSourceTest.RUN;
  private static final String RUN_PATH = FACTORY + "/pipelineruns/" + RUN;

  private final AdfStub stub = new AdfStub().pipelineRun(RUN, fixture("pipelinerun-get-failed.json"));
  private final MutableClock clock = MutableClock.at("2026-11-27T00:00:00Z");

  @AfterEach
  void stop() {
    stub.close();
  }

  private AdfRuns runs(AdfSettings settings) {
    return AdfStub.runs(settings, clock);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      form.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void should_get_a_client_credentials_token_for_the_management_scope_and_send_it_as_bearer() {
    runs(stub.settings()).getPipelineRun(RUN);

    AdfStub.Seen token = stub.seen(AdfStub.TOKEN_PATH).get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.headers().get("content-type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(token.body())).containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "sp-client-id")
        .containsEntry("client_secret", "sp-client-secret-value")
        .containsEntry("scope", stub.uri() + "/.default");
    assertThat(stub.seen(RUN_PATH).get(0).headers().get("authorization"))
        .isEqualTo("Bearer " + AdfStub.json(fixture("aad-client-credentials-token-response-docs.json"))
            .path("access_token").asText());
  }

  @Test
  void should_ask_for_the_public_cloud_scope_by_default() {
    AdfSettings settings = AdfSettings.of(AdfStub.SUBSCRIPTION, "rg-data-prod", "adf-sales-prod",
        new AdfCredentials.ClientSecret(AdfStub.TENANT, "id", "secret"));

    assertThat(settings.tokenResource() + ".default").isEqualTo("https://management.azure.com/.default");
  }

  @Test
  void should_reuse_the_token_until_shortly_before_it_expires() {
    AdfRuns runs = runs(stub.settings());
    runs.getPipelineRun(RUN);
    clock.advance(Duration.ofMinutes(50));
    runs.getPipelineRun(RUN);
    assertThat(stub.seen(AdfStub.TOKEN_PATH)).hasSize(1);

    // expires_in is 3599 s: renewed two minutes early, at 57:59.
    clock.advance(Duration.ofMinutes(8));
    runs.getPipelineRun(RUN);
    assertThat(stub.seen(AdfStub.TOKEN_PATH)).hasSize(2);
  }

  @Test
  void should_read_the_msal_logged_answer_with_ext_expires_in() {
    stub.tokenAnswer(fixture("aad-client-credentials-token-response-msal-log.json"));

    runs(stub.settings()).getPipelineRun(RUN);

    assertThat(stub.seen(RUN_PATH).get(0).headers().get("authorization")).isEqualTo("Bearer ********");
  }

  @ParameterizedTest(name = "AADSTS{1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "invalid_client|7000215|AZURE_CLIENT_SECRET",
      "invalid_client|7000222|AZURE_CLIENT_SECRET",
      "unauthorized_client|700016|AZURE_CLIENT_ID",
      "invalid_request|90002|AZURE_TENANT_ID",
      "invalid_request|50000|AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"})
  void should_name_the_setting_to_fix_when_entra_refuses_the_client(String error, String code, String setting) {
    stub.script(AdfStub.TOKEN_PATH, Answer.json(401, "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS"
        + code + ": something is wrong.\\r\\nTrace ID: 1\\r\\nCorrelation ID: 2\",\"error_codes\":[" + code + "]}"));

    assertThatThrownBy(() -> runs(stub.settings()).getPipelineRun(RUN))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining(setting)
        .hasMessageContaining("AADSTS" + code)
        .hasMessageNotContaining("Trace ID")
        .hasMessageNotContaining("sp-client-secret-value");
    assertThat(stub.seen(RUN_PATH)).isEmpty();
  }

  @Test
  void should_name_the_management_url_when_the_scope_is_refused() {
    stub.script(AdfStub.TOKEN_PATH, Answer.json(400, fixture("aad-token-error-invalid-scope-docs.json")));

    assertThatThrownBy(() -> runs(stub.settings()).getPipelineRun(RUN))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("invalid_scope")
        .hasMessageContaining("AZURE_MANAGEMENT_URL");
  }

  @Test
  void should_fail_transiently_when_the_token_endpoint_is_throttled_or_down() {
    stub.script(AdfStub.TOKEN_PATH, new Answer(503, "", Map.of("Retry-After", "5"), Duration.ZERO));

    assertThatThrownBy(() -> runs(stub.settings()).getPipelineRun(RUN))
        .isInstanceOfSatisfying(TransientPortException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(5)));
  }

  @Test
  void should_get_a_managed_identity_token_from_the_metadata_service() {
    AdfSettings settings = stub.settings(stub.managedIdentity(Optional.of("user-assigned-client")));

    runs(settings).getPipelineRun(RUN);

    AdfStub.Seen imds = stub.seen(AdfStub.IMDS_PATH).get(0);
    assertThat(imds.method()).isEqualTo("GET");
    assertThat(imds.headers()).containsEntry("metadata", "true");
    assertThat(imds.query()).containsEntry("api-version", "2018-02-01")
        .containsEntry("resource", stub.uri() + "/")
        .containsEntry("client_id", "user-assigned-client");
    assertThat(stub.seen(RUN_PATH).get(0).headers()).containsEntry("authorization", "Bearer eyJ0eXAi...");
    assertThat(stub.seen(AdfStub.TOKEN_PATH)).isEmpty();
  }

  @Test
  void should_cache_a_managed_identity_token_whose_expiry_is_a_string() {
    AdfRuns runs = runs(stub.settings(stub.managedIdentity(Optional.empty())));
    runs.getPipelineRun(RUN);
    clock.advance(Duration.ofMinutes(57));
    runs.getPipelineRun(RUN);
    assertThat(stub.seen(AdfStub.IMDS_PATH)).hasSize(1);
    assertThat(stub.seen(AdfStub.IMDS_PATH).get(0).query()).doesNotContainKey("client_id");

    clock.advance(Duration.ofMinutes(2));
    runs.getPipelineRun(RUN);
    assertThat(stub.seen(AdfStub.IMDS_PATH)).hasSize(2);
  }

  @Test
  void should_say_how_to_fix_a_refused_managed_identity() {
    stub.script(AdfStub.IMDS_PATH, Answer.json(400, "{\"error\":\"invalid_request\",\"error_description\":"
        + "\"Identity not found\"}"));

    assertThatThrownBy(() -> runs(stub.settings(stub.managedIdentity(Optional.empty()))).getPipelineRun(RUN))
        .isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("Identity not found")
        .hasMessageContaining("AZURE_USE_MANAGED_IDENTITY");
  }
}
