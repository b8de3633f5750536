package dev.aiops.rca.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code setup}'s e-mail check: connect, EHLO and sign in on a real SMTP server, send nothing, show no password. */
class SetupEmailCheckTest {

  private static final String PASSWORD = "smtp-setup-pass-4444444444";

  @TempDir
  Path dir;

  private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("rca@example.com", "rca", PASSWORD));
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  SetupEmailCheckTest() {
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private int setup(Path env, String password) {
    CommandLine setup = new CommandLine(new SetupCommand(new ByteArrayInputStream(new byte[0]), () -> null));
    setup.setOut(new PrintWriter(out, true));
    setup.setErr(new PrintWriter(err, true));
    return setup.execute("--non-interactive", "--env-file", env.toString(),
        "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(smtp.getSmtp().getPort()),
        "--smtp-starttls", "false", "--smtp-user", "rca", "--smtp-password", password,
        "--email-from", "RCA <rca@example.com>", "--email-to", "oncall@example.com");
  }

  @Test
  void should_write_the_smtp_settings_when_the_server_takes_the_sign_in() throws Exception {
    Path env = dir.resolve(".env");

    int exit = setup(env, PASSWORD);

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("ok      E-mail 127.0.0.1:" + smtp.getSmtp().getPort()
        + ": connected, signed in as rca; nothing sent");
    assertThat(Files.readString(env)).contains("SMTP_HOST=\"127.0.0.1\"", "SMTP_STARTTLS=\"false\"",
        "SMTP_USER=\"rca\"", "SMTP_PASSWORD=\"" + PASSWORD + "\"", "RCA_EMAIL_FROM=\"RCA <rca@example.com>\"",
        "RCA_EMAIL_TO=\"oncall@example.com\"");
    assertThat(out + "\n" + err).doesNotContain(PASSWORD);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void should_write_nothing_when_the_server_refuses_the_password() {
    Path env = dir.resolve(".env");

    int exit = setup(env, "wrong-password-5555555555");

    assertThat(exit).isEqualTo(4);
    assertThat(out.toString()).contains("FAILED  E-mail 127.0.0.1:").contains("SMTP_USER and SMTP_PASSWORD");
    assertThat(out + "\n" + err).doesNotContain("wrong-password-5555555555");
    assertThat(env).doesNotExist();
  }
}
