package dev.aiops.rca.adapter.email;

import dev.aiops.rca.domain.Incident;
import dev.aiops.rca.domain.Notification;
import dev.aiops.rca.domain.StormSummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mail's subject and its two equivalent bodies, plain text and HTML. Every value in them comes from outside
 * (job names, error texts, task names): the subject is kept to one line, the HTML is escaped, and only
 * {@code http(s)} links become links.
 *
 * @param subject one line
 * @param text the plain-text body
 * @param html the HTML body, saying the same as {@code text}
 */
record EmailContent(String subject, String text, String html) {

  private static final int SUBJECT_MAX = 200;
  private static final int TOP_ACTIONS = 3;
  private static final int IMPACTED_SHOWN = 20;

  EmailContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    if (!oneLine(subject).equals(subject)) {
      throw new IllegalArgumentException("subject must be one line of printable text");
    }
  }

  /** The subject of every mail about {@code notification}'s incident: {@code [RCA][P2] job failed: CATEGORY}. */
  static String subject(Notification notification) {
    return oneLine("[RCA][" + notification.priority() + "] " + notification.incident().jobName() + " failed: "
        + notification.category());
  }

  /** The mail that tells people about a new incident. */
  static EmailContent alert(Notification notification, Optional<URI> dashboard) {
    Incident incident = notification.incident();
    return body(subject(notification), incident.jobName() + " failed: " + notification.category(), notification,
        dashboard, "Recurrences are counted on the ticket; one more mail follows in this thread when the incident"
            + " is resolved.");
  }

  /** The mail, in the alert's thread, that says the incident is resolved. */
  static EmailContent resolved(Notification notification, Optional<URI> dashboard) {
    Incident incident = notification.incident();
    return body("Re: " + subject(notification), "Resolved: " + incident.jobName() + " failed: "
        + notification.category(), notification, dashboard, "The incident is resolved after "
        + incident.occurrences() + " failed run(s); no further mail is sent about it.");
  }

  /** The one mail that lists the new incidents of a storm instead of a mail each. */
  static EmailContent digest(StormSummary summary, Optional<URI> dashboard) {
    String heading = summary.count() + " new incidents since " + summary.since();
    String intro = "Too many incidents opened at once for a mail each, so this one lists them; each has its"
        + " ticket. No further mail is sent about this storm.";
    Optional<String> base = dashboard.map(EmailContent::base);
    StringBuilder text = new StringBuilder(heading).append("\n\n").append(intro).append("\n\n");
    StringBuilder html = new StringBuilder(open(heading)).append("<p>").append(escape(intro)).append("</p>\n<ul>\n");
    for (StormSummary.Entry entry : summary.listed()) {
      Optional<String> link = base.map(b -> b + "/incidents/" + entry.incident());
      String ticket = entry.ticket().map(t -> " (ticket " + t + ")").orElse("");
      text.append("  - #").append(entry.incident()).append(' ').append(entry.title()).append(ticket)
          .append(link.map(l -> "\n    " + l).orElse("")).append('\n');
      html.append("<li>").append(link.map(l -> anchor(l, "#" + entry.incident())).orElse("#" + entry.incident()))
          .append(' ').append(escape(entry.title())).append(escape(ticket)).append("</li>\n");
    }
    html.append("</ul>\n");
    if (summary.unlisted() > 0) {
      String more = "…and " + summary.unlisted() + " more";
      text.append("  ").append(more).append(base.map(b -> ": " + b + "/incidents").orElse("")).append('\n');
      html.append("<p>").append(escape(more))
          .append(base.map(b -> " on " + anchor(b + "/incidents", "the dashboard")).orElse("")).append(".</p>\n");
    }
    return new EmailContent(oneLine("[RCA] Storm: " + heading), text.toString(), html.append(close()).toString());
  }

  private static EmailContent body(String subject, String heading, Notification notification,
      Optional<URI> dashboard, String footer) {
    Incident incident = notification.incident();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Job", incident.jobName()});
    facts.add(new String[] {"Category", notification.category().name()});
    facts.add(new String[] {"Priority", notification.priority().name()});
    facts.add(new String[] {"Owner", incident.assignment().owner().orElse("not known")});
    facts.add(new String[] {"Route", incident.assignment().route()});
    facts.add(new String[] {"Occurrences", Integer.toString(incident.occurrences())});
    facts.add(new String[] {"First failed", incident.firstSeen().toString()});

    List<String[]> links = new ArrayList<>();
    notification.runPageUrl().ifPresent(url -> links.add(new String[] {"Run page", url}));
    notification.ticket().ifPresent(t -> links.add(new String[] {"Ticket " + t.key(), t.url()}));
    incident.assignment().runbookUrl().ifPresent(url -> links.add(new String[] {"Runbook", url}));
    dashboard.ifPresent(d -> links.add(new String[] {"Dashboard", base(d) + "/incidents/" + incident.id()}));

    List<String> actions = incident.analysis().recommendedActions().stream().limit(TOP_ACTIONS).toList();
    List<String> impacted = notification.impactedTasks();

    StringBuilder text = new StringBuilder(heading).append("\n\nRoot cause:\n");
    notification.text().strip().lines().forEach(line -> text.append("  ").append(line).append('\n'));
    text.append('\n');
    facts.forEach(f -> text.append(String.format("%-13s", f[0] + ":")).append(f[1]).append('\n'));
    StringBuilder html = new StringBuilder(open(heading));
    html.append("<h3>Root cause</h3>\n<pre style=\"white-space:pre-wrap\">").append(escape(notification.text().strip()))
        .append("</pre>\n<table>\n");
    facts.forEach(f -> html.append("<tr><th align=\"left\">").append(escape(f[0])).append("</th><td>")
        .append(escape(f[1])).append("</td></tr>\n"));
    html.append("</table>\n");

    if (!impacted.isEmpty()) {
      text.append("\nImpacted tasks (held back by this failure):\n");
      html.append("<h3>Impacted tasks (held back by this failure)</h3>\n<ul>\n");
      impacted.stream().limit(IMPACTED_SHOWN).forEach(t -> {
        text.append("  - ").append(t).append('\n');
        html.append("<li>").append(escape(t)).append("</li>\n");
      });
      if (impacted.size() > IMPACTED_SHOWN) {
        String more = "… " + (impacted.size() - IMPACTED_SHOWN) + " more";
        text.append("  - ").append(more).append('\n');
        html.append("<li>").append(escape(more)).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    if (!actions.isEmpty()) {
      text.append("\nTop actions:\n");
      html.append("<h3>Top actions</h3>\n<ol>\n");
      for (int i = 0; i < actions.size(); i++) {
        text.append("  ").append(i + 1).append(". ").append(actions.get(i)).append('\n');
        html.append("<li>").append(escape(actions.get(i))).append("</li>\n");
      }
      html.append("</ol>\n");
    }
    if (!links.isEmpty()) {
      text.append("\nLinks:\n");
      html.append("<h3>Links</h3>\n<ul>\n");
      links.forEach(l -> {
        text.append("  ").append(l[0]).append(": ").append(l[1]).append('\n');
        html.append("<li>").append(escape(l[0])).append(": ").append(isLink(l[1]) ? anchor(l[1], l[1])
            : escape(l[1])).append("</li>\n");
      });
      html.append("</ul>\n");
    }
    String signature = "Incident #" + incident.id() + ", sent by the AIOps RCA Assistant. " + footer;
    text.append("\n-- \n").append(signature).append('\n');
    html.append("<hr>\n<p><small>").append(escape(signature)).append("</small></p>\n").append(close());
    return new EmailContent(oneLine(subject), text.toString(), html.toString());
  }

  private static String open(String heading) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(heading)
        + "</title></head>\n<body style=\"font-family:sans-serif\">\n<h2>" + escape(heading) + "</h2>\n";
  }

  private static String close() {
    return "</body></html>\n";
  }

  private static String anchor(String url, String label) {
    return "<a href=\"" + escape(url) + "\">" + escape(label) + "</a>";
  }

  // A javascript: or data: link in a route's runbook or a platform's run page must not become clickable.
  private static boolean isLink(String url) {
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && url.chars().noneMatch(c -> c <= ' ');
  }

  private static String base(URI dashboard) {
    return dashboard.toString().replaceAll("/+$", "");
  }

  /** {@code text} safe as HTML element content and as a quoted attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} as one header line: a line break in a job name would otherwise end the subject and start a header
   * of the sender's choosing (header injection), so every control character becomes a space.
   */
  static String oneLine(String text) {
    String flat = text.replaceAll("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    return flat.length() <= SUBJECT_MAX ? flat : flat.substring(0, SUBJECT_MAX - 1) + "…";
  }
}
