package dev.aiops.rca.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aiops.rca.domain.Incident;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With SMTP set and no Slack, a failed run's incident is told by e-mail, on a real SMTP server. */
class EmailEndToEndTest {

  @TempDir
  Path data;

  private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  EmailEndToEndTest() {
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void should_mail_the_incident_when_e_mail_is_the_only_notifier() throws Exception {
    try (E2eService service = E2eService.start(data, Map.of("SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()), "SMTP_STARTTLS", "false",
        "RCA_EMAIL_FROM", "rca@example.com", "RCA_EMAIL_TO", "oncall@example.com"))) {

      assertThat(service.post("/webhooks/databricks", Dependencies.WEBHOOK).statusCode()).isEqualTo(202);

      Incident incident = service.awaitIncidents(list -> list.size() == 1
          && list.get(0).notification().isPresent(), Duration.ofSeconds(30)).get(0);
      assertThat(incident.notification().orElseThrow().channel()).isEqualTo("email (1 recipient)");
      assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getSubject()).startsWith("[RCA][P3] " + incident.jobName() + " failed: ");
      assertThat(mail.getMessageID()).isEqualTo(incident.notification().orElseThrow().messageId());
    }
  }
}
