package dev.aiops.rca.adapter.databricks;

import static dev.aiops.rca.adapter.databricks.DatabricksStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.http.HttpTransport;
import dev.aiops.rca.http.RecordingStub.Answer;
import dev.aiops.rca.http.Sleeper;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.testkit.MutableClock;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthTokensTest {

  private final DatabricksStub stub = new DatabricksStub()
      .run("455644833", fixture("runs-get-multitask-failed.json"))
      .tokenAnswer("{\"access_token\":\"oauth-token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
  private final MutableClock clock = MutableClock.at("2026-11-27T00:00:00Z");

  @AfterEach
  void stop() {
    stub.close();
  }

  private DatabricksJobs jobs() {
    DatabricksSettings settings = new DatabricksSettings(stub.uri(),
        new DatabricksCredentials.OAuthClient("sp-client", "sp-secret"), Duration.ofSeconds(2), 2,
        Duration.ofSeconds(1));
    return new DatabricksJobs(new DatabricksApi(settings, new HttpTransport(
        HttpClient.newHttpClient(), clock, Sleeper.THREAD)));
  }

  @Test
  void should_get_a_client_credentials_token_with_basic_auth_and_send_it_as_bearer() {
    jobs().getRun("455644833");

    DatabricksStub.Seen token = stub.seen("/oidc/v1/token").get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.headers().get("authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString("sp-client:sp-secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(token.body()).contains("grant_type=client_credentials").contains("scope=all-apis");
    assertThat(stub.seen("/api/2.2/jobs/runs/get").get(0).headers())
        .containsEntry("authorization", "Bearer oauth-token-1");
  }

  @Test
  void should_reuse_the_token_until_shortly_before_it_expires() {
    DatabricksJobs jobs = jobs();
    jobs.getRun("455644833");
    clock.advance(Duration.ofMinutes(50));
    jobs.getRun("455644833");
    assertThat(stub.seen("/oidc/v1/token")).hasSize(1);

    clock.advance(Duration.ofMinutes(9));
    jobs.getRun("455644833");
    assertThat(stub.seen("/oidc/v1/token")).hasSize(2);
  }

  @Test
  void should_fetch_a_fresh_token_once_when_the_workspace_refuses_the_cached_one() {
    stub.script("/api/2.2/jobs/runs/get", Answer.json(401, fixture("error-401-unauthorized-spec.json")));

    jobs().getRun("455644833");

    assertThat(stub.seen("/oidc/v1/token")).hasSize(2);
    assertThat(stub.seen("/api/2.2/jobs/runs/get")).hasSize(2);
  }

  @Test
  void should_name_the_settings_to_fix_when_the_client_is_refused() {
    stub.script("/oidc/v1/token", Answer.json(401, "{\"error\":\"invalid_client\"}"));

    assertThatThrownBy(() -> jobs().getRun("455644833")).isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("DATABRICKS_CLIENT_ID").hasMessageNotContaining("sp-secret");
  }
}
