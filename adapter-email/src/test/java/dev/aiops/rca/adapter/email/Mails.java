package dev.aiops.rca.adapter.email;

import dev.aiops.rca.domain.Assignment;
import dev.aiops.rca.domain.Destinations;
import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.IncidentStatus;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.Priority;
import dev.aiops.rca.domain.TicketRef;
import dev.aiops.rca.testkit.NotifierContract;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notifications to send and the received mails' parts, read back from the SMTP server. */
final class Mails {

  static final String FROM = "RCA Assistant <rca@example.com>";
  static final String ON_CALL = "oncall@example.com";

  private Mails() {}

  /** The contract's notification, routed: P2, owned by team-data, with a ticket and a runbook. */
  static Notification routed() {
    Notification plain = NotifierContract.notification();
    Incident incident = plain.incident().withAssignment(new Assignment("payments", Optional.of("team-data"),
        Priority.P2, Optional.of("https://wiki.example.com/runbooks/missing-table")));
    TicketRef ticket = new TicketRef("jira", "OPS-42", "https://jira.example.com/browse/OPS-42");
    return new Notification(incident.withTicket(ticket), plain.title(), plain.text(), plain.category(),
        Optional.of(ticket), plain.runPageUrl(), List.of("publish_users SKIPPED", "notify_bi SKIPPED"));
  }

  /** {@code notification} about a job named {@code jobName}. */
  static Notification ofJob(Notification notification, String jobName) {
    Incident i = notification.incident();
    Incident renamed = new Incident(i.id(), i.signature(), i.firstRun(), jobName, i.status(), i.occurrences(),
        i.firstSeen(), i.lastSeen(), i.analysis(), i.ticket(), i.notification(), i.costTags(), i.impact(),
        i.assignment());
    return new Notification(renamed, notification.title(), notification.text(), notification.category(),
        notification.ticket(), notification.runPageUrl(), notification.impactedTasks(),
        notification.destinations());
  }

  static Notification to(Notification notification, String... recipients) {
    return notification.withDestinations(new Destinations(Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), List.of(recipients), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()));
  }

  static Notification resolved(Notification notification) {
    Incident resolved = notification.incident().withStatus(IncidentStatus.RESOLVED);
    return new Notification(resolved, notification.title(), notification.text() + "\nResolved by alice: fixed",
        notification.category(), notification.ticket(), notification.runPageUrl(), notification.impactedTasks(),
        notification.destinations());
  }

  /** The mail's parts by content type ({@code text/plain}, {@code text/html}), however they are nested. */
  static Map<String, String> parts(MimeMessage message) throws MessagingException, IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    collect(message, parts);
    return parts;
  }

  private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, parts);
      }
    } else if (part.isMimeType("text/plain")) {
      parts.put("text/plain", (String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      parts.put("text/html", (String) part.getContent());
    }
  }
}
