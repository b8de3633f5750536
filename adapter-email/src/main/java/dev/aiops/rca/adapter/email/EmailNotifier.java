package dev.aiops.rca.adapter.email;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.Secret;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.out.Notifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier by e-mail over SMTP (simple-java-mail): a mail cannot be edited once sent, so it stays quiet. One
 * mail per incident, with a {@code Message-ID} made from the incident; recurrences send nothing (the ticket counts
 * them); a redraw sends nothing, except one mail in the incident's thread ({@code In-Reply-To},
 * {@code References}) once it is resolved; a storm gets one digest mail, its redraws nothing.
 *
 * <p>Recipients are the route's ({@link dev.aiops.rca.domain.Destinations#emailRecipients()}), else
 * {@code RCA_EMAIL_TO}; with neither, nothing is sent and the reference's channel says so. Nothing is retried here:
 * a refused connection, a timeout or a 4xx reply go back to the caller's outbox as a
 * {@link dev.aiops.rca.port.TransientPortException}. Which incidents already had their resolution mailed is kept in
 * memory, bounded: after a restart a later redraw of a resolved incident may mail it once more, under the same
 * {@code Message-ID}. Thread-safe.
 */
public final class EmailNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);
  private static final int REMEMBERED = 10_000;
  private static final int CHANNEL_MAX = 200;

  private final EmailSettings settings;
  private final Mailer mailer;
  private final String domain;
  private final Set<String> resolvedSent = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<String, Boolean>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      }));

  EmailNotifier(EmailSettings settings, Mailer mailer) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.domain = settings.fromDomain();
  }

  /** A notifier on the configured SMTP server. */
  public static EmailNotifier create(EmailSettings settings) {
    return new EmailNotifier(settings, mailer(settings));
  }

  static Mailer mailer(EmailSettings settings) {
    // SMTP_TLS is STARTTLS, required; SMTP upgrades only where the server offers it.
    return MailerBuilder
        .withSMTPServer(settings.host(), settings.port(), settings.user().orElse(null),
            settings.password().map(Secret::reveal).orElse(null))
        .withTransportStrategy(settings.startTls() ? TransportStrategy.SMTP_TLS : TransportStrategy.SMTP)
        .withSessionTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
        .buildMailer();
  }

  /**
   * Connects, says EHLO, upgrades with STARTTLS when required and signs in when a user is set, then hangs up;
   * sends nothing. For {@code setup}.
   *
   * @throws dev.aiops.rca.port.TransientPortException if the server cannot be reached or times out
   * @throws PermanentPortException if it refuses the sign-in or offers no STARTTLS while it is required
   */
  public void verifyConnection() {
    try {
      mailer.testConnection();
    } catch (RuntimeException e) {
      throw EmailErrors.map("check the connection", e);
    }
  }

  @Override
  public NotificationRef notify(Notification notification) {
    String messageId = threadId(notification.incident());
    List<String> to = recipients(notification.destinations().emailRecipients());
    if (!to.isEmpty()) {
      send("send the alert", EmailContent.alert(notification, settings.dashboardUrl()), to, messageId,
          Optional.empty(), notification.incident());
      LOG.debug("e-mail alert for incident {} sent to {} recipient(s)", notification.incident().id(), to.size());
    }
    return new NotificationRef(channel(to), messageId);
  }

  /** Sends nothing: a mail per recurrence would be noise, and the ticket counts them. */
  @Override
  public void update(NotificationRef message, Recurrence recurrence) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recurrence, "recurrence");
  }

  /** Sends one mail in the incident's thread when it is resolved, once; nothing for any other change. */
  @Override
  public void refresh(NotificationRef message, Notification current) {
    if (current.incident().status() != IncidentStatus.RESOLVED) {
      return;
    }
    List<String> to = recipients(current.destinations().emailRecipients());
    String key = message.messageId();
    if (to.isEmpty() || !resolvedSent.add(key)) {
      return;
    }
    try {
      send("send the resolution", EmailContent.resolved(current, settings.dashboardUrl()), to,
          resolutionId(message.messageId()), Optional.of(message.messageId()), current.incident());
    } catch (PortException e) {
      resolvedSent.remove(key); // nothing went out, so the next redraw may try again
      throw e;
    }
  }

  @Override
  public NotificationRef postSummary(StormSummary summary) {
    String messageId = "<rca.storm." + summary.since().toEpochMilli() + "." + UUID.randomUUID() + "@" + domain + ">";
    List<String> to = settings.defaultRecipients();
    if (!to.isEmpty()) {
      send("send the storm digest", EmailContent.digest(summary, settings.dashboardUrl()), to, messageId,
          Optional.empty(), null);
    }
    return new NotificationRef(channel(to), messageId);
  }

  /** Sends nothing: the digest was sent; the incidents counted since are on the dashboard and their tickets. */
  @Override
  public void refreshSummary(NotificationRef message, StormSummary summary) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(summary, "summary");
  }

  private void send(String call, EmailContent content, List<String> to, String messageId,
      Optional<String> inReplyTo, Incident incident) {
    EmailPopulatingBuilder mail = EmailBuilder.startingBlank()
        .from(EmailSettings.address(settings.from(), "from"))
        .toMultiple(to.toArray(String[]::new))
        .withSubject(content.subject())
        .withPlainText(content.text())
        .withHTMLText(content.html())
        .fixingMessageId(messageId)
        // RFC 3834: an automatic message, so that out-of-office replies are not sent back to it.
        .withHeader("Auto-Submitted", "auto-generated");
    if (incident != null) {
      mail.withHeader("X-RCA-Incident", incident.id().toString());
    }
    inReplyTo.ifPresent(parent -> mail.withHeader("In-Reply-To", parent).withHeader("References", parent));
    Email email = mail.buildEmail();
    try {
      mailer.sendMail(email);
    } catch (RuntimeException e) {
      throw EmailErrors.map(call, e);
    }
  }

  /** The route's recipients, else the default ones; each checked, so that a bad route fails clearly. */
  private List<String> recipients(List<String> routed) {
    List<String> to = routed.isEmpty() ? settings.defaultRecipients() : routed;
    for (String address : to) {
      try {
        EmailSettings.address(address, "a route's e-mail recipient");
      } catch (IllegalArgumentException e) {
        throw new PermanentPortException(e.getMessage() + ": check the route's e-mail recipients", e);
      }
    }
    return to;
  }

  // The same incident always gets the same id, so a resent alert is one message to clients that deduplicate, and
  // the first-seen time keeps two databases' incident #1 apart.
  private String threadId(Incident incident) {
    return "<rca.incident." + incident.id() + "." + incident.firstSeen().toEpochMilli() + "@" + domain + ">";
  }

  private static String resolutionId(String threadId) {
    return threadId.replaceFirst("@", ".resolved@");
  }

  // Where the mail went, for the audit trail: how many, not who.
  private static String channel(List<String> to) {
    String channel = to.isEmpty() ? "email (no recipients: set RCA_EMAIL_TO or the route's)"
        : "email (" + to.size() + (to.size() == 1 ? " recipient)" : " recipients)");
    return channel.length() <= CHANNEL_MAX ? channel : channel.substring(0, CHANNEL_MAX);
  }
}
