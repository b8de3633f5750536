package dev.aiops.rca.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void should_send_basic_as_base64_of_user_and_secret_in_utf8() {
    Credentials basic = new Credentials.Basic("jörg@acme.example", "pässwörd", "APP_USER and APP_PASSWORD");

    assertThat(basic.header()).isEqualTo("Basic asO2cmdAYWNtZS5leGFtcGxlOnDDpHNzd8O2cmQ=");
    assertThat(new String(Base64.getDecoder().decode(basic.header().substring("Basic ".length())),
        StandardCharsets.UTF_8)).isEqualTo("jörg@acme.example:pässwörd");
    assertThat(basic.settingsToCheck()).isEqualTo("APP_USER and APP_PASSWORD");
  }

  @Test
  void should_send_bearer_tokens_as_they_are() {
    Credentials bearer = new Credentials.Bearer("t0k.en", "APP_TOKEN");

    assertThat(bearer.header()).isEqualTo("Bearer t0k.en");
    assertThat(bearer.settingsToCheck()).isEqualTo("APP_TOKEN");
  }

  @Test
  void should_be_fixed_authorizations_that_cannot_be_renewed() {
    Authorization basic = new Credentials.Basic("u", "s", "APP_USER and APP_PASSWORD");

    assertThat(basic.renewAfterRefusal(basic.header())).isFalse();
  }

  @Test
  void should_never_print_the_secret() {
    assertThat(new Credentials.Basic("bot@acme.example", "s3cret-value", "APP_USER and APP_PASSWORD").toString())
        .contains("bot@acme.example", "****", "APP_USER and APP_PASSWORD").doesNotContain("s3cret-value");
    assertThat(new Credentials.Bearer("t0ken-value", "APP_TOKEN").toString())
        .contains("****", "APP_TOKEN").doesNotContain("t0ken-value");
  }

  @Test
  void should_refuse_blank_parts_naming_the_settings_and_not_the_values() {
    assertThatThrownBy(() -> new Credentials.Basic("bot@acme.example", " ", "APP_USER and APP_PASSWORD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials must not be blank: check APP_USER and APP_PASSWORD");
    assertThatThrownBy(() -> new Credentials.Basic("", "s3cret-value", "APP_USER and APP_PASSWORD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("APP_USER and APP_PASSWORD").hasMessageNotContaining("s3cret-value");
    assertThatThrownBy(() -> new Credentials.Bearer("\t", "APP_TOKEN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials must not be blank: check APP_TOKEN");
  }

  @Test
  void should_refuse_missing_parts_naming_the_settings() {
    assertThatThrownBy(() -> new Credentials.Basic(null, "s3cret-value", "APP_USER and APP_PASSWORD"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("credentials must not be blank: check APP_USER and APP_PASSWORD");
    assertThatThrownBy(() -> new Credentials.Basic("bot@acme.example", null, "APP_USER and APP_PASSWORD"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("APP_USER and APP_PASSWORD");
    assertThatThrownBy(() -> new Credentials.Bearer(null, "APP_TOKEN"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("credentials must not be blank: check APP_TOKEN");
    assertThatThrownBy(() -> new Credentials.Bearer("t0ken-value", null))
        .isInstanceOf(NullPointerException.class).hasMessage("settingsToCheck");
  }
}
