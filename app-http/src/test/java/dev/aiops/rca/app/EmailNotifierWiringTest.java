package dev.aiops.rca.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiops.rca.app.config.AppConfig;
import dev.aiops.rca.app.config.ConfigSource;
import dev.aiops.rca.assistant.RcaAssistant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SMTP password is one of the service's own secrets, which the redactor removes wherever it turns up. */
class EmailNotifierWiringTest {

  @Test
  void should_count_the_smtp_password_among_the_known_secrets_when_e_mail_signs_in() {
    AppConfig config = AppConfig.from(ConfigSource.of(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_USER", "rca",
        "SMTP_PASSWORD", "smtp-pass-0123456789", "RCA_EMAIL_FROM", "rca@example.com")));

    try (RcaAssistant assistant = WiringNotifiersTest.assistant(config)) {
      assertThat(WiringNotifiersTest.analysed(assistant, "535 auth failed for rca:smtp-pass-0123456789"))
          .contains("upload failed").doesNotContain("smtp-pass-0123456789");
    }
  }
}
