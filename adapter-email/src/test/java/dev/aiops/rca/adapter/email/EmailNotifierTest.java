package dev.aiops.rca.adapter.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.NotificationRef;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RunKey;
import dev.aiops.rca.domain.Source;
import dev.aiops.rca.domain.StormSummary;
import dev.aiops.rca.port.PermanentPortException;
import dev.aiops.rca.port.TransientPortException;
import dev.aiops.rca.testkit.Samples;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mails as an SMTP server receives them: parts, headers, threads, recipients, escaping. */
class EmailNotifierTest {

  private final GreenMail server = SmtpServer.open();
  private final EmailNotifier notifier = EmailNotifier.create(SmtpServer.settings(server)
      .withDashboardUrl(URI.create("https://rca.example.com/")));

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void should_send_one_mail_with_equivalent_text_and_html_parts_when_an_incident_is_notified() throws Exception {
    notifier.notify(Mails.routed());

    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[RCA][P2] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("rca@example.com");
    assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly(Mails.ON_CALL);
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    Map<String, String> parts = Mails.parts(mail);
    assertThat(parts).containsOnlyKeys("text/plain", "text/html");
    for (String body : parts.values()) {
      assertThat(body).contains("[TABLE_OR_VIEW_NOT_FOUND] prod.users", "TABLE_OR_VIEW_NOT_FOUND", "P2",
          "team-data", "publish_users SKIPPED", "check [TABLE_OR_VIEW_NOT_FOUND] prod.users",
          "https://adb-1/run/1", "OPS-42", "https://jira.example.com/browse/OPS-42",
          "https://wiki.example.com/runbooks/missing-table", "https://rca.example.com/incidents/1");
    }
    assertThat(parts.get("text/html"))
        .contains("<a href=\"https://wiki.example.com/runbooks/missing-table\">")
        .contains("<a href=\"https://rca.example.com/incidents/1\">");
  }

  @Test
  void should_name_the_mail_after_the_incident_when_it_is_sent() throws Exception {
    NotificationRef ref = notifier.notify(Mails.routed());

    MimeMessage mail = server.getReceivedMessages()[0];
    assertThat(ref.messageId()).isEqualTo(mail.getMessageID())
        .isEqualTo("<rca.incident.1." + Samples.T0.toEpochMilli() + "@example.com>");
    assertThat(ref.channel()).isEqualTo("email (1 recipient)");
    assertThat(mail.getHeader("X-RCA-Incident", null)).isEqualTo("1");
  }

  @Test
  void should_send_the_resolution_in_the_alerts_thread_when_the_incident_is_resolved() throws Exception {
    Notification notification = Mails.routed();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, Mails.resolved(notification));

    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage resolution = received[1];
    assertThat(resolution.getHeader("In-Reply-To", null)).isEqualTo(ref.messageId());
    assertThat(resolution.getHeader("References", null)).isEqualTo(ref.messageId());
    assertThat(resolution.getMessageID()).isNotEqualTo(ref.messageId()).endsWith("@example.com>");
    assertThat(resolution.getSubject()).isEqualTo("Re: [RCA][P2] etl_orders failed: TABLE_OR_VIEW_NOT_FOUND");
    assertThat(Mails.parts(resolution).values()).allSatisfy(body -> assertThat(body)
        .contains("Resolved: etl_orders", "Resolved by alice: fixed"));
  }

  @Test
  void should_send_the_resolution_once_when_a_resolved_incident_is_redrawn_again() {
    Notification notification = Mails.routed();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, Mails.resolved(notification));
    notifier.refresh(ref, Mails.resolved(notification));

    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  @Test
  void should_send_the_resolution_at_the_next_redraw_when_the_server_was_down() {
    Notification notification = Mails.routed();
    NotificationRef ref = notifier.notify(notification);
    int port = server.getSmtp().getPort();
    server.stop();

    assertThatThrownBy(() -> notifier.refresh(ref, Mails.resolved(notification)))
        .isInstanceOf(TransientPortException.class);
    GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    back.start();
    try {
      notifier.refresh(ref, Mails.resolved(notification));

      assertThat(back.getReceivedMessages()).hasSize(1);
    } finally {
      back.stop();
    }
  }

  @Test
  void should_send_nothing_when_an_open_incident_is_redrawn_or_recurs() {
    Notification notification = Mails.routed();
    NotificationRef ref = notifier.notify(notification);

    notifier.refresh(ref, notification);
    notifier.update(ref, new Recurrence(notification.incident().id(), RunKey.of(Source.DATABRICKS, "2"), 2,
        Samples.T0));

    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void should_escape_the_html_when_the_job_name_holds_markup() throws Exception {
    notifier.notify(Mails.ofJob(Mails.routed(), "<script>alert('x')</script>&co"));

    MimeMessage mail = server.getReceivedMessages()[0];
    String html = Mails.parts(mail).get("text/html");
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;co");
    assertThat(Mails.parts(mail).get("text/plain")).contains("<script>alert('x')</script>&co failed");
    assertThat(mail.getSubject()).isEqualTo("[RCA][P2] <script>alert('x')</script>&co failed: "
        + "TABLE_OR_VIEW_NOT_FOUND");
  }

  @Test
  void should_keep_the_subject_one_line_when_the_job_name_holds_a_line_break() throws Exception {
    notifier.notify(Mails.ofJob(Mails.routed(), "etl\r\nBcc: thief@attacker.example\r\n\r\nhello"));

    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[RCA][P2] etl Bcc: thief@attacker.example hello failed: "
        + "TABLE_OR_VIEW_NOT_FOUND");
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(addresses(mail.getAllRecipients())).containsExactly(Mails.ON_CALL);
    assertThat(server.getReceivedMessagesForDomain("attacker.example")).isEmpty();
  }

  @Test
  void should_not_link_an_address_that_is_not_http_when_a_runbook_is_hostile() throws Exception {
    Notification routed = Mails.routed();
    Notification hostile = new Notification(routed.incident().withAssignment(routed.incident().assignment()
        .withPriority(routed.priority())), routed.title(), routed.text(), routed.category(), routed.ticket(),
        Optional.of("javascript:alert(1)"), routed.impactedTasks());

    notifier.notify(hostile);

    String html = Mails.parts(server.getReceivedMessages()[0]).get("text/html");
    assertThat(html).contains("Run page: javascript:alert(1)").doesNotContain("href=\"javascript");
  }

  @Test
  void should_send_to_the_routes_recipients_when_the_route_names_some() throws Exception {
    notifier.notify(Mails.to(Mails.routed(), "payments@example.com", "Data Team <data@example.com>"));

    MimeMessage mail = server.getReceivedMessages()[0];
    assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
        .containsExactly("payments@example.com", "data@example.com");
    assertThat(server.getReceivedMessagesForDomain("example.com")).hasSize(2); // one copy per mailbox
  }

  @Test
  void should_send_nothing_and_say_so_when_nobody_is_to_be_told() {
    EmailNotifier nobody = EmailNotifier.create(SmtpServer.settings(server).withDefaultRecipients(List.of()));
    Notification notification = Mails.routed();

    NotificationRef ref = nobody.notify(notification);
    nobody.refresh(ref, Mails.resolved(notification));

    assertThat(server.getReceivedMessages()).isEmpty();
    assertThat(ref.channel()).startsWith("email (no recipients");
    assertThat(ref.messageId()).isNotBlank();
  }

  @Test
  void should_refuse_a_route_recipient_that_is_not_an_address() {
    Notification notification = Mails.to(Mails.routed(), "ops@example.com\r\nBcc: thief@attacker.example");

    assertThatThrownBy(() -> notifier.notify(notification)).isInstanceOf(PermanentPortException.class)
        .hasMessageContaining("route's e-mail recipient");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void should_send_one_digest_when_a_storm_begins_and_nothing_when_it_grows() throws Exception {
    List<StormSummary.Entry> listed = List.of(
        new StormSummary.Entry(new IncidentId(7), "etl_a", "[RCA] etl_a failed: <b>TIMEOUT</b>", Optional.of("OPS-7")),
        new StormSummary.Entry(new IncidentId(8), "etl_b", "[RCA] etl_b failed: NETWORK", Optional.empty()));
    StormSummary summary = new StormSummary(Samples.T0, 5, listed);

    NotificationRef ref = notifier.postSummary(summary);
    notifier.refreshSummary(ref, new StormSummary(Samples.T0, 9, listed));

    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("[RCA] Storm: 5 new incidents since " + Samples.T0);
    assertThat(received[0].getMessageID()).isEqualTo(ref.messageId());
    Map<String, String> parts = Mails.parts(received[0]);
    assertThat(parts.get("text/plain")).contains("#7 [RCA] etl_a failed: <b>TIMEOUT</b> (ticket OPS-7)",
        "#8 [RCA] etl_b failed: NETWORK", "and 3 more", "https://rca.example.com/incidents/7");
    assertThat(parts.get("text/html")).contains("&lt;b&gt;TIMEOUT&lt;/b&gt;", "and 3 more",
        "<a href=\"https://rca.example.com/incidents/7\">#7</a>").doesNotContain("<b>TIMEOUT");
  }

  private static List<String> addresses(jakarta.mail.Address[] addresses) {
    return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }
}
