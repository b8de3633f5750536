package dev.aiops.rca.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.domain.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the SMTP settings accept, and what they never print. */
class EmailSettingsTest {

  @Test
  void should_use_the_submission_port_with_starttls_when_only_host_and_sender_are_given() {
    EmailSettings settings = EmailSettings.of("smtp.example.com", "rca@example.com");

    assertThat(settings.port()).isEqualTo(587);
    assertThat(settings.startTls()).isTrue();
    assertThat(EmailSettings.defaultPort(false)).isEqualTo(25);
    assertThat(settings.fromDomain()).isEqualTo("example.com");
  }

  @Test
  void should_refuse_a_user_without_a_password() {
    assertThatThrownBy(() -> new EmailSettings("smtp.example.com", 587, Optional.of("rca"), Optional.empty(), true,
        "rca@example.com", List.of(), Optional.empty(), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMTP_USER and SMTP_PASSWORD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "rca@example.com\r\nBcc: thief@attacker.example", "a@b.c, d@e.f", ""})
  void should_refuse_a_sender_that_is_not_one_address(String from) {
    assertThatThrownBy(() -> EmailSettings.of("smtp.example.com", from))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RCA_EMAIL_FROM");
  }

  @Test
  void should_accept_a_sender_with_a_display_name() {
    assertThat(EmailSettings.of("smtp.example.com", "RCA Assistant <rca@example.com>").fromDomain())
        .isEqualTo("example.com");
  }

  @Test
  void should_refuse_a_default_recipient_that_is_not_an_address() {
    EmailSettings settings = EmailSettings.of("smtp.example.com", "rca@example.com");

    assertThatThrownBy(() -> settings.withDefaultRecipients(List.of("ops@example.com", "oncall")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RCA_EMAIL_TO")
        .hasMessageContaining("oncall");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65_536})
  void should_refuse_a_port_out_of_range(int port) {
    EmailSettings settings = EmailSettings.of("smtp.example.com", "rca@example.com");

    assertThatThrownBy(() -> settings.withServer(port, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SMTP_PORT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "smtp example.com", "https://smtp.example.com", " smtp.example.com"})
  void should_refuse_a_host_that_is_not_a_name(String host) {
    assertThatThrownBy(() -> EmailSettings.of(host, "rca@example.com")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SMTP_HOST");
  }

  @Test
  void should_not_print_the_password() {
    EmailSettings settings = EmailSettings.of("smtp.example.com", "rca@example.com")
        .withLogin("rca", new Secret("s3cret-pass"));

    assertThat(settings.toString()).doesNotContain("s3cret-pass").contains("password=****", "user=Optional[rca]");
  }
}
