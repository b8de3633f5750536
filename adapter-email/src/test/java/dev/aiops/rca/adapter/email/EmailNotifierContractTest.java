package dev.aiops.rca.adapter.email;

import com.icegreen.greenmail.util.GreenMail;
import dev.aiops.rca.port.out.Notifier;
import dev.aiops.rca.testkit.NotifierContract;
import org.junit.jupiter.api.AfterEach;

/** E-mail against a real SMTP server on loopback meets the notifier contract. */
class EmailNotifierContractTest implements NotifierContract {

  private final GreenMail server = SmtpServer.open();

  @AfterEach
  void stop() {
    server.stop();
  }

  @Override
  public Notifier subject() {
    return EmailNotifier.create(SmtpServer.settings(server));
  }
}
