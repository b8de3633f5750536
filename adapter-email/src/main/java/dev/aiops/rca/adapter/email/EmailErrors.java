package dev.aiops.rca.adapter.email;

import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.PortException;
import dev.aiops.rca.port.TransientPortException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.simplejavamail.mailer.MailValidationException;

/**
 * The one place where what simple-java-mail and Angus Mail throw becomes a port exception: an SMTP reply's class
 * decides (4xx: try again later, 5xx: refused), else what failed below it (a refused connection or a timeout may
 * pass, a refused password or an untrusted certificate will not). Messages name the setting to check, never its
 * value; the server's own reply is left out, as it may echo an address.
 */
final class EmailErrors {

  private EmailErrors() {}

  static PortException map(String call, RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      PortException mapped = mapOne(call, e, cause);
      if (mapped != null) {
        return mapped;
      }
      if (cause instanceof jakarta.mail.MessagingException m && m.getNextException() != null
          && m.getNextException() != m.getCause()) {
        PortException next = mapOne(call, e, m.getNextException());
        if (next != null) {
          return next;
        }
      }
    }
    return new TransientPortException("the SMTP server could not " + call + " (" + e.getClass().getSimpleName()
        + ")", e);
  }

  private static PortException mapOne(String call, RuntimeException e, Throwable cause) {
    // A line break in a header, an address that is none, a mail without sender or recipient.
    if (cause instanceof MailValidationException) {
      return new PermanentPortException("the mail to " + call + " is not valid (" + cause.getClass().getSimpleName()
          + "): check RCA_EMAIL_FROM and the recipients (RCA_EMAIL_TO, the route's)", e);
    }
    if (cause instanceof AuthenticationFailedException) {
      return new PermanentPortException("the SMTP server refused the sign-in to " + call
          + ": check SMTP_USER and SMTP_PASSWORD", e);
    }
    if (cause instanceof SMTPAddressFailedException a) {
      return byReply(call, e, a.getReturnCode(), "a recipient", "check the recipients (RCA_EMAIL_TO, the route's)");
    }
    if (cause instanceof SMTPSenderFailedException s) {
      return byReply(call, e, s.getReturnCode(), "the sender", "check RCA_EMAIL_FROM (the server may only let"
          + " SMTP_USER send as its own address)");
    }
    if (cause instanceof SMTPSendFailedException s) {
      return byReply(call, e, s.getReturnCode(), "the mail", "check RCA_EMAIL_FROM, the recipients and the"
          + " server's limits");
    }
    if (cause instanceof SendFailedException s && s.getInvalidAddresses() != null
        && s.getInvalidAddresses().length > 0 && s.getNextException() == null) {
      return new PermanentPortException("the SMTP server refused every recipient to " + call
          + ": check the recipients (RCA_EMAIL_TO, the route's)", e);
    }
    if (cause instanceof SSLException) {
      return new PermanentPortException("TLS with the SMTP server failed to " + call + " ("
          + cause.getClass().getSimpleName() + "): check SMTP_HOST, SMTP_PORT and that the server's certificate"
          + " is trusted", e);
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("starttls")) {
      return new PermanentPortException("the SMTP server does not offer STARTTLS, which SMTP_STARTTLS=true"
          + " requires, to " + call + ": check SMTP_HOST and SMTP_PORT, or set SMTP_STARTTLS=false for a relay on"
          + " a trusted network", e);
    }
    if (cause instanceof MailConnectException || cause instanceof ConnectException
        || cause instanceof UnknownHostException) {
      return new TransientPortException("the SMTP server could not be reached to " + call + " ("
          + cause.getClass().getSimpleName() + "): check SMTP_HOST and SMTP_PORT if this lasts", e);
    }
    if (cause instanceof SocketTimeoutException) {
      return new TransientPortException("the SMTP server timed out to " + call, e);
    }
    if (cause instanceof IOException) {
      return new TransientPortException("the connection to the SMTP server failed to " + call + " ("
          + cause.getClass().getSimpleName() + ")", e);
    }
    return null;
  }

  private static PortException byReply(String call, RuntimeException e, int code, String what, String advice) {
    if (code >= 400 && code < 500) {
      return new TransientPortException("the SMTP server deferred " + what + " to " + call + " (reply " + code
          + "): it asks to try again later", e);
    }
    return new PermanentPortException("the SMTP server refused " + what + " to " + call + " (reply " + code + "): "
        + advice, e);
  }
}
