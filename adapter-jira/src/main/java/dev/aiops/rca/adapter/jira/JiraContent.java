package dev.aiops.rca.adapter.jira;

import dev.aiops.rca.adapter.jira.JiraDocument.Inline;
import dev.aiops.rca.domain.IncidentId;
import dev.aiops.rca.domain.Recurrence;
import dev.aiops.rca.domain.RootCauseAnalysis;
import dev.aiops.rca.domain.TicketDetails;
import dev.aiops.rca.domain.TicketRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** What a ticket says: its description, its recurrence comments and its priority, independent of the API version. */
final class JiraContent {

  private JiraContent() {}

  /** The description: root cause verbatim, analysis, actions, links, and the facts behind them. */
  static JiraDocument description(TicketRequest request, Optional<URI> dashboard, Optional<String> resolvedBefore) {
    JiraDocument doc = new JiraDocument();
    Optional<String> dashboardLink = dashboard.map(d -> incidentPage(d, request.incident()));
    if (request.details().isEmpty()) {
      // Only the text is known: keep its lines as they are.
      request.description().lines().filter(line -> !line.isBlank()).forEach(line -> doc.paragraph(Inline.text(line)));
      dashboardLink.ifPresent(link -> doc.paragraph(Inline.link("RCA dashboard", link)));
    } else {
      TicketDetails details = request.details().get();
      RootCauseAnalysis analysis = details.analysis();
      doc.heading("Root cause");
      doc.code(analysis.rootCauseLine());
      doc.paragraph(Inline.strong("Failed task:"),
          Inline.text(" " + (analysis.failedTask().isBlank() ? "unknown" : analysis.failedTask())));
      doc.heading("Analysis");
      doc.paragraph(Inline.text(analysis.summary()));
      if (!analysis.recommendedActions().isEmpty()) {
        doc.heading("Recommended actions");
        doc.bullets(analysis.recommendedActions().stream().map(a -> List.of(Inline.text(a))).toList());
      }
      List<List<Inline>> links = new ArrayList<>();
      details.assignment().runbookUrl().ifPresent(url -> links.add(List.of(Inline.link("Runbook", url))));
      details.runPageUrl().ifPresent(url -> links.add(List.of(Inline.link("Run page", url))));
      dashboardLink.ifPresent(url -> links.add(List.of(Inline.link("RCA dashboard", url))));
      if (!links.isEmpty()) {
        doc.heading("Links");
        doc.bullets(links);
      }
      doc.heading("Details");
      List<List<Inline>> facts = new ArrayList<>();
      facts.add(fact("Job", details.jobName() + " (" + details.source().name().toLowerCase(Locale.ROOT) + ")"));
      facts.add(fact("Priority", request.priority().name()));
      details.assignment().owner().ifPresent(owner -> facts.add(fact("Owner", owner)));
      facts.add(fact("Route", details.assignment().route()));
      if (!details.impact().isEmpty()) {
        facts.add(fact("Impact", String.join("; ", details.impact())));
      }
      facts.add(fact("Category", analysis.category().name()));
      facts.add(fact("Occurrences", Integer.toString(details.occurrences())));
      facts.add(fact("Analyzer", analysis.analyzer() + ", confidence "
          + String.format(Locale.ROOT, "%.2f", analysis.confidence())));
      facts.add(fact("Classified by", analysis.classification().describe()));
      if (!details.tags().isEmpty()) {
        List<String> tags = new ArrayList<>();
        new TreeMap<>(details.tags()).forEach((k, v) -> tags.add(k + "=" + v));
        facts.add(fact("Cost tags", String.join(", ", tags)));
      }
      facts.add(fact("Signature", request.signature().value()));
      doc.bullets(facts);
    }
    resolvedBefore.ifPresent(key -> doc.paragraph(
        Inline.text("This failure recurs after " + key + " was resolved; the two are linked.")));
    return doc;
  }

  /** The comment that tells a ticket its failure happened again. */
  static JiraDocument recurrence(Recurrence recurrence, Optional<String> note) {
    JiraDocument doc = new JiraDocument().paragraph(
        Inline.strong("Failed again:"),
        Inline.text(" run " + recurrence.run() + " at " + recurrence.at() + ", occurrence "
            + recurrence.occurrences() + "."));
    note.ifPresent(text -> doc.paragraph(Inline.text(text)));
    return doc;
  }

  /** A note for people, one paragraph per line of {@code text}. */
  static JiraDocument note(String text) {
    JiraDocument doc = new JiraDocument();
    text.strip().lines().filter(line -> !line.isBlank()).forEach(line -> doc.paragraph(Inline.text(line)));
    return doc;
  }

  /** The comment left on an open ticket that another incident of the same signature was filed under. */
  static JiraDocument adopted(TicketRequest request) {
    return new JiraDocument().paragraph(Inline.text("Incident " + request.incident()
        + " failed with the same signature (" + request.signature().shortHash() + ") and is tracked here."));
  }

  static String incidentPage(URI dashboard, IncidentId incident) {
    return dashboard.toString().replaceAll("/+$", "") + "/incidents/" + incident;
  }

  private static List<Inline> fact(String name, String value) {
    return List.of(Inline.strong(name + ":"), Inline.text(" " + value));
  }
}
