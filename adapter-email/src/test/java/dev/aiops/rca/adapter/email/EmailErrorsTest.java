package dev.aiops.rca.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMTP failures, from a real server where one can be made to fail and from Angus Mail's own exceptions else. */
class EmailErrorsTest {

  @Test
  void should_be_transient_when_the_smtp_server_is_down() {
    GreenMail server = SmtpServer.open();
    EmailNotifier notifier = EmailNotifier.create(SmtpServer.settings(server));
    server.stop();

    assertThatThrownBy(() -> notifier.notify(Mails.routed())).isInstanceOf(TransientPortException.class)
        .hasMessageContaining("could not be reached").hasMessageContaining("SMTP_HOST and SMTP_PORT");
  }

  @Test
  void should_be_permanent_and_keep_the_password_out_when_the_password_is_wrong() {
    GreenMail server = SmtpServer.withUser();
    try {
      EmailNotifier notifier = EmailNotifier.create(SmtpServer.settings(server, "rca", "wrong-password"));

      assertThatThrownBy(() -> notifier.notify(Mails.routed())).isInstanceOf(PermanentPortException.class)
          .hasMessageContaining("SMTP_USER and SMTP_PASSWORD").hasMessageNotContaining("wrong-password");
      assertThat(server.getReceivedMessages()).isEmpty();
    } finally {
      server.stop();
    }
  }

  @Test
  void should_send_when_the_password_is_right() {
    GreenMail server = SmtpServer.withUser();
    try {
      EmailNotifier notifier = EmailNotifier.create(SmtpServer.settings(server, "rca", "right-password"));

      notifier.notify(Mails.routed());

      assertThat(server.getReceivedMessages()).hasSize(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void should_be_permanent_when_starttls_is_required_and_the_server_offers_none() {
    GreenMail server = SmtpServer.open();
    try {
      EmailSettings settings = SmtpServer.settings(server);
      EmailNotifier notifier = EmailNotifier.create(settings.withServer(settings.port(), true));

      assertThatThrownBy(() -> notifier.notify(Mails.routed())).isInstanceOf(PermanentPortException.class)
          .hasMessageContaining("SMTP_STARTTLS");
      assertThat(server.getReceivedMessages()).isEmpty();
    } finally {
      server.stop();
    }
  }

  @Test
  void should_check_the_connection_and_the_sign_in_without_sending_when_verified() {
    GreenMail server = SmtpServer.withUser();
    try {
      EmailNotifier.create(SmtpServer.settings(server, "rca", "right-password")).verifyConnection();
      EmailNotifier wrong = EmailNotifier.create(SmtpServer.settings(server, "rca", "wrong-password"));

      assertThatThrownBy(wrong::verifyConnection).isInstanceOf(PermanentPortException.class)
          .hasMessageContaining("SMTP_PASSWORD");
      assertThat(server.getReceivedMessages()).isEmpty();
    } finally {
      server.stop();
    }
  }

  @Test
  void should_be_transient_when_verifying_a_server_that_is_down() {
    GreenMail server = SmtpServer.open();
    EmailNotifier notifier = EmailNotifier.create(SmtpServer.settings(server));
    server.stop();

    assertThatThrownBy(notifier::verifyConnection).isInstanceOf(TransientPortException.class);
  }

  @ParameterizedTest(name = "reply {0} to {1} is transient: {2}")
  @CsvSource({
      "421, send, true", "450, send, true", "451, send, true", "452, send, true",
      "550, send, false", "552, send, false", "554, send, false",
      "450, recipient, true", "550, recipient, false", "553, recipient, false",
      "451, sender, true", "553, sender, false"})
  void should_follow_the_class_of_the_smtp_reply_when_the_server_refuses(int code, String step, boolean transientOne)
      throws Exception {
    MessagingException refusal;
    InternetAddress someone = new InternetAddress("ops@example.com");
    switch (step) {
      case "recipient":
        SendFailedException top = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
            new InternetAddress[0], new InternetAddress[] {someone});
        top.setNextException(new SMTPAddressFailedException(someone, "RCPT TO", code, code + " no"));
        refusal = top;
        break;
      case "sender":
        refusal = new SMTPSenderFailedException(someone, "MAIL FROM", code, code + " no");
        break;
      default:
        refusal = new SMTPSendFailedException("DATA", code, code + " no", null, null, null, null);
    }

    PortException mapped = EmailErrors.map("send the alert", new IllegalStateException("wrapped", refusal));

    assertThat(mapped.isTransient()).isEqualTo(transientOne);
    assertThat(mapped).hasMessageContaining("reply " + code).hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_be_transient_when_the_server_times_out() {
    PortException mapped = EmailErrors.map("send the alert", new IllegalStateException("wrapped",
        new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))));

    assertThat(mapped).isInstanceOf(TransientPortException.class).hasMessageContaining("timed out");
  }
}
