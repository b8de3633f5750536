package dev.aiops.rca.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {

  private final WebhookAuth auth = WebhookAuth.requiring(new Secret("k3y-value"));

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_accept_the_key_in_each_place_a_sender_can_put_it() {
    assertThat(auth.accepts("k3y-value", null, null)).isTrue();
    assertThat(auth.accepts(null, "Bearer k3y-value", null)).isTrue();
    assertThat(auth.accepts(null, "bearer k3y-value", null)).isTrue();
    assertThat(auth.accepts(null, basic("databricks", "k3y-value"), null)).isTrue();
    assertThat(auth.accepts(null, null, "k3y-value")).isTrue();
  }

  @Test
  void should_refuse_a_missing_or_wrong_key() {
    assertThat(auth.accepts(null, null, null)).isFalse();
    assertThat(auth.accepts("k3y-valuE", "Bearer nope", "k3y")).isFalse();
    assertThat(auth.accepts(null, basic("k3y-value", "wrong"), null)).isFalse();
    assertThat(auth.accepts(null, "Basic !!!not-base64", null)).isFalse();
    assertThat(auth.accepts("", "", "")).isFalse();
  }

  @Test
  void should_accept_everything_only_when_explicitly_disabled() {
    assertThat(WebhookAuth.disabled().accepts(null, null, null)).isTrue();
    assertThat(WebhookAuth.disabled().isDisabled()).isTrue();
    assertThat(auth.isDisabled()).isFalse();
  }
}
