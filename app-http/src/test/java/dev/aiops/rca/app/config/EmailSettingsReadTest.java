package dev.aiops.rca.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiops.rca.adapter.email.EmailSettings;
import dev.aiops.rca.domain.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The e-mail settings as read from the environment: defaults, what goes together, what is never printed. */
class EmailSettingsReadTest {

  private static EmailSettings email(Map<String, String> env) {
    return AppConfig.from(ConfigSource.of(env)).integrations().email().orElseThrow();
  }

  private static String problems(Map<String, String> env) {
    try {
      AppConfig.from(ConfigSource.of(env));
    } catch (InvalidConfigException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("the settings were accepted: " + env);
  }

  @Test
  void should_leave_e_mail_out_when_no_smtp_setting_is_given() {
    assertThat(AppConfig.from(ConfigSource.of(Map.of())).integrations().email()).isEmpty();
  }

  @Test
  void should_use_the_submission_port_with_starttls_when_only_host_and_sender_are_set() {
    EmailSettings email = email(Map.of("SMTP_HOST", "smtp.example.com", "RCA_EMAIL_FROM", "rca@example.com"));

    assertThat(email.port()).isEqualTo(587);
    assertThat(email.startTls()).isTrue();
    assertThat(email.user()).isEmpty();
    assertThat(email.defaultRecipients()).isEmpty();
  }

  @Test
  void should_use_port_25_when_starttls_is_off_and_no_port_is_set() {
    EmailSettings email = email(Map.of("SMTP_HOST", "relay.internal", "RCA_EMAIL_FROM", "rca@example.com",
        "SMTP_STARTTLS", "false", "RCA_EMAIL_TO", "ops@example.com, Data <data@example.com>"));

    assertThat(email.port()).isEqualTo(25);
    assertThat(email.startTls()).isFalse();
    assertThat(email.defaultRecipients()).containsExactly("ops@example.com", "Data <data@example.com>");
  }

  @Test
  void should_sign_in_and_never_print_the_password_when_user_and_password_are_set() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_PORT", "2525",
        "SMTP_USER", "rca", "SMTP_PASSWORD", "smtp-pass-0123456789", "RCA_EMAIL_FROM", "rca@example.com")));

    EmailSettings email = config.integrations().email().orElseThrow();
    assertThat(email.port()).isEqualTo(2525);
    assertThat(email.password()).contains(new Secret("smtp-pass-0123456789"));
    assertThat(String.join("\n", config.describe()) + config).doesNotContain("smtp-pass-0123456789")
        .contains("email: SMTP smtp.example.com:2525 with STARTTLS as rca, from rca@example.com");
  }

  @Test
  void should_name_each_missing_or_wrong_setting_when_e_mail_is_half_configured() {
    assertThat(problems(Map.of("RCA_EMAIL_TO", "ops@example.com"))).contains("SMTP_HOST", "RCA_EMAIL_FROM");
    assertThat(problems(Map.of("SMTP_HOST", "smtp.example.com", "RCA_EMAIL_FROM", "rca@example.com",
        "SMTP_PORT", "70000", "SMTP_STARTTLS", "maybe"))).contains("SMTP_PORT", "SMTP_STARTTLS");
    assertThat(problems(Map.of("SMTP_HOST", "smtp.example.com", "RCA_EMAIL_FROM", "rca@example.com",
        "SMTP_USER", "rca"))).contains("SMTP_USER and SMTP_PASSWORD go together");
    assertThat(problems(Map.of("SMTP_HOST", "smtp.example.com", "RCA_EMAIL_FROM", "rca",
        "RCA_EMAIL_TO", "ops@example.com"))).contains("RCA_EMAIL_FROM) must be an e-mail address");
    assertThatThrownBy(() -> AppConfig.from(ConfigSource.of(Map.of("SMTP_HOST", "smtp.example.com",
        "RCA_EMAIL_FROM", "rca@example.com", "SMTP_USER", "rca", "SMTP_PASSWORD", "smtp-pass-0123456789",
        "RCA_EMAIL_TO", "oncall"))))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("RCA_EMAIL_TO")
        .hasMessageNotContaining("smtp-pass-0123456789");
  }
}
