package dev.aiops.rca.adapter.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aiops.rca.domain.Secret;
import java.time.Duration;
import java.util.List;

/** A real SMTP server on loopback (GreenMail) and the settings that point the notifier at it. */
final class SmtpServer {

  private SmtpServer() {}

  /** A server that takes mail without sign-in; started. */
  static GreenMail open() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    return server;
  }

  /** A server that knows one user, {@code rca} with password {@code right-password}; started. */
  static GreenMail withUser() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("rca@example.com", "rca", "right-password"));
    server.start();
    return server;
  }

  /** Plain SMTP (GreenMail offers no STARTTLS) on the server's port, {@link Mails#ON_CALL} by default. */
  static EmailSettings settings(GreenMail server) {
    return EmailSettings.of("127.0.0.1", Mails.FROM)
        .withServer(server.getSmtp().getPort(), false)
        .withDefaultRecipients(List.of(Mails.ON_CALL))
        .withTimeout(Duration.ofSeconds(5));
  }

  static EmailSettings settings(GreenMail server, String user, String password) {
    return settings(server).withLogin(user, new Secret(password));
  }
}
