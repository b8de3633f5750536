package dev.aiops.rca.adapter.email;

import dev.aiops.rca.domain.Secret;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which SMTP server sends the alerts, as whom, and to whom when the incident's route names nobody.
 *
 * @param host {@code SMTP_HOST}: the SMTP server (a relay or a provider's submission host)
 * @param port {@code SMTP_PORT}: 587 with STARTTLS, 25 without, by default
 * @param user {@code SMTP_USER}: the user to sign in as (SMTP AUTH); empty for a relay that needs none
 * @param password {@code SMTP_PASSWORD}: that user's password, present exactly when {@code user} is
 * @param startTls {@code SMTP_STARTTLS}: whether the connection must be upgraded to TLS before anything is sent
 *     (true by default); false sends over plain SMTP, upgraded where the server offers STARTTLS (its
 *     certificate must then be trusted all the same)
 * @param from {@code RCA_EMAIL_FROM}: the sender, {@code rca@example.com} or {@code RCA <rca@example.com>}
 * @param defaultRecipients {@code RCA_EMAIL_TO}: who gets the mails when the incident's route names nobody, and
 *     the storm digests; may be empty
 * @param dashboardUrl {@code RCA_DASHBOARD_URL}: the service's dashboard, linked from every mail, if any
 * @param timeout the longest connecting, reading or writing may take
 */
public record EmailSettings(
    String host,
    int port,
    Optional<String> user,
    Optional<Secret> password,
    boolean startTls,
    String from,
    List<String> defaultRecipients,
    Optional<URI> dashboardUrl,
    Duration timeout) {

  /** The submission port, where STARTTLS is the rule (RFC 6409, RFC 3207). */
  public static final int SUBMISSION_PORT = 587;
  /** The plain SMTP port, for relays that take mail without STARTTLS. */
  public static final int SMTP_PORT = 25;

  public EmailSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    defaultRecipients = List.copyOf(defaultRecipients);
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
    Objects.requireNonNull(timeout, "timeout");
    if (host.isBlank() || !host.strip().equals(host) || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new IllegalArgumentException("host (SMTP_HOST) must be a host name or address, was '" + host + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port (SMTP_PORT) must be from 1 to 65535, was " + port);
    }
    if (user.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("SMTP_USER and SMTP_PASSWORD go together: set both to sign in, or neither"
          + " for a relay that needs no sign-in");
    }
    if (user.isPresent() && (user.get().isBlank() || user.get().chars().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException("user (SMTP_USER) must not be blank or hold control characters");
    }
    address(from, "from (RCA_EMAIL_FROM)");
    defaultRecipients.forEach(to -> address(to, "a recipient of RCA_EMAIL_TO"));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /**
   * Settings with the defaults: the submission port with STARTTLS, no sign-in, no default recipients, no
   * dashboard, 10 s per step.
   */
  public static EmailSettings of(String host, String from) {
    return new EmailSettings(host, SUBMISSION_PORT, Optional.empty(), Optional.empty(), true, from, List.of(),
        Optional.empty(), Duration.ofSeconds(10));
  }

  /** The port to use when {@code SMTP_PORT} is not set. */
  public static int defaultPort(boolean startTls) {
    return startTls ? SUBMISSION_PORT : SMTP_PORT;
  }

  /** The same settings on another port and TLS rule. */
  public EmailSettings withServer(int newPort, boolean newStartTls) {
    return new EmailSettings(host, newPort, user, password, newStartTls, from, defaultRecipients, dashboardUrl,
        timeout);
  }

  /** The same settings signing in as {@code newUser}. */
  public EmailSettings withLogin(String newUser, Secret newPassword) {
    return new EmailSettings(host, port, Optional.of(newUser), Optional.of(newPassword), startTls, from,
        defaultRecipients, dashboardUrl, timeout);
  }

  /** The same settings with {@code recipients} as the default ones. */
  public EmailSettings withDefaultRecipients(List<String> recipients) {
    return new EmailSettings(host, port, user, password, startTls, from, recipients, dashboardUrl, timeout);
  }

  /** The same settings with a dashboard to link. */
  public EmailSettings withDashboardUrl(URI dashboard) {
    return new EmailSettings(host, port, user, password, startTls, from, defaultRecipients, Optional.of(dashboard),
        timeout);
  }

  /** The same settings with another time limit per step. */
  public EmailSettings withTimeout(Duration newTimeout) {
    return new EmailSettings(host, port, user, password, startTls, from, defaultRecipients, dashboardUrl,
        newTimeout);
  }

  /** The domain of the sender's address, which the mails' Message-IDs are made in. */
  String fromDomain() {
    String address = address(from, "from").getAddress();
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /**
   * {@code text} as one mailbox (RFC 5322, with or without a display name), or an {@link IllegalArgumentException}
   * naming {@code what}. A line break is never part of an address, so none can add a header.
   */
  static InternetAddress address(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not hold control characters (such as a line break)");
    }
    try {
      InternetAddress address = new InternetAddress(text, true);
      if (address.isGroup() || address.getAddress() == null || !address.getAddress().contains("@")) {
        throw new AddressException("not one mailbox");
      }
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException(what + " must be an e-mail address such as ops@example.com, was '" + text
          + "'");
    }
  }

  @Override
  public String toString() {
    return "EmailSettings[host=" + host + ", port=" + port + ", user=" + user + ", password="
        + password.map(p -> "****").orElse("none") + ", startTls=" + startTls + ", from=" + from
        + ", defaultRecipients=" + defaultRecipients + ", dashboardUrl=" + dashboardUrl + ", timeout=" + timeout
        + "]";
  }
}
